/// The check that stops a version in which a layer lost too many features.
///
/// Each layer's feature count is compared with the latest published version (from the signed `versions.json`),
/// or with `previousFeatureCounts` when given. A layer that shrinks by more than `maxFeatureLossShare` of its
/// previous count, or disappears, stops the publish with `PublishError.featureLoss` unless `force` is set.
public struct PublishGate: Sendable, Hashable {
    /// The largest share of a layer's features a new version may lose (0.10 = 10 %).
    public var maxFeatureLossShare: Double
    /// Publishes even when the gate would refuse (the losses are still reported in the result).
    public var force: Bool
    /// Counts to compare against instead of the latest published version's (layer id → features).
    public var previousFeatureCounts: [String: Int]?

    /// A gate allowing at most `maxFeatureLossShare` loss per layer.
    public init(maxFeatureLossShare: Double = 0.10, force: Bool = false, previousFeatureCounts: [String: Int]? = nil) {
        self.maxFeatureLossShare = maxFeatureLossShare
        self.force = force
        self.previousFeatureCounts = previousFeatureCounts
    }
}

/// A feature left out of a tile, with the reason, for the caller to report.
public struct SkippedFeature: Sendable, Hashable {
    /// The feature's id.
    public var id: String
    /// Why it has no mesh.
    public var reason: ExtrusionError

    /// Makes a record of a skipped feature.
    public init(id: String, reason: ExtrusionError) {
        self.id = id
        self.reason = reason
    }
}

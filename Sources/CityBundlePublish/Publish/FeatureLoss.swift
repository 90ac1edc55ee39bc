/// A layer that lost features against the previous version.
public struct FeatureLoss: Sendable, Hashable, CustomStringConvertible {
    /// The layer id.
    public var layer: String
    /// Its feature count in the previous version.
    public var previous: Int
    /// Its feature count now (0 when the layer is gone).
    public var current: Int

    /// A loss of `layer` from `previous` to `current` features.
    public init(layer: String, previous: Int, current: Int) {
        self.layer = layer
        self.previous = previous
        self.current = current
    }

    /// The share of the previous features that is gone (0…1).
    public var share: Double {
        previous > 0 ? Double(previous - current) / Double(previous) : 0
    }

    /// `buildings: 43 → 34 features (-20.9 %)`.
    public var description: String {
        let percent = (share * 1000).rounded() / 10
        return "\(layer): \(previous) → \(current) features (-\(percent) %)"
    }
}

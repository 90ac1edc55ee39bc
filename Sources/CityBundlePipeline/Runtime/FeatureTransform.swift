public import CityBundleModel

/// A per-feature stage between source and sinks (validation, anonymisation, …).
public protocol FeatureTransform: Sendable {
    /// A short name for logs and reports.
    var name: String { get }
    /// Returns the feature to pass on, or nil to remove it (the transform records why).
    func apply(_ feature: Feature) throws -> Feature?
}

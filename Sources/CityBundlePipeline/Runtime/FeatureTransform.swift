public import CityBundleModel

/// A per-feature stage between source and sinks (validation, anonymisation, …). Transforms run on
/// the writer thread, one feature at a time, and may keep state (counters, reports, quarantine).
public protocol FeatureTransform: AnyObject {
    /// A short name for logs and reports.
    var name: String { get }
    /// Returns the feature to pass on, or nil to remove it (the transform records why).
    func apply(_ feature: Feature) throws -> Feature?
    /// Called once after the last feature and before any output is finished; throwing here
    /// discards the run's output (for example when a source has too many errors).
    func finish() throws
}

extension FeatureTransform {
    public func finish() throws {}
}

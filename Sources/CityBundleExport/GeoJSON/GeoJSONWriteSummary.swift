public import CityBundleModel

/// What a finished `GeoJSONWriter` produced.
public struct GeoJSONWriteSummary: Sendable, Hashable {
    /// The final path of the file.
    public var path: String
    /// Features written.
    public var featureCount: Int
    /// Size of the file in bytes.
    public var byteCount: Int64
    /// The x/y extent of every written position, as written (after rounding); nil when no feature had a
    /// finite position.
    public var bounds: BoundingBox?

    /// Creates a summary.
    public init(path: String, featureCount: Int, byteCount: Int64, bounds: BoundingBox?) {
        self.path = path
        self.featureCount = featureCount
        self.byteCount = byteCount
        self.bounds = bounds
    }
}

public import CityBundleModel

/// ``TileFeature``s waiting on disk for tiling (a ``RecordSpool``): only their bounds stay in memory.
public final class FeatureSpool {
    private let records: RecordSpool

    /// Opens a new scratch file in `directory` (nil: `TMPDIR`).
    public init(directory: String? = nil) throws(SpoolError) {
        records = try RecordSpool(directory: directory)
    }

    /// The number of features appended.
    public var count: Int { records.count }

    /// The WGS 84 bounds of feature `index` (nil when it has no finite position).
    public func bounds(at index: Int) -> BoundingBox? { records.bounds(at: index) }

    /// Appends a feature; its index is the previous ``count``.
    public func append(_ feature: TileFeature) throws(SpoolError) {
        try records.append(feature.spooledBytes, bounds: feature.geometry.bounds)
    }

    /// Writes out what is buffered; then reads may come from several threads at once.
    public func finishWriting() throws(SpoolError) {
        try records.finishWriting()
    }

    /// Reads feature `index` back.
    public func feature(at index: Int) throws(SpoolError) -> TileFeature {
        try TileFeature(spooled: try records.record(at: index))
    }
}

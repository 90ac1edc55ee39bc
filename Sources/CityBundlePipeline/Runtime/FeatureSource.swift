public import CityBundleModel

/// Produces features in batches. A source is created and read on one thread; it may hold C handles.
public protocol FeatureSource: AnyObject {
    /// Calls `body` with consecutive batches of at most `batchSize` features until the source is
    /// exhausted. Memory is bounded by one batch.
    func read(batchSize: Int, _ body: ([Feature]) throws -> Void) throws
}

/// Consumes features, for example by encoding them into a file.
public protocol FeatureSink {
    /// Accepts the next batch.
    mutating func write(_ batch: [Feature]) throws
    /// Completes the output (for files: flush, fsync, rename into place) and describes it.
    mutating func finish() throws -> [WrittenFile]
    /// Discards everything written so far; no partial output may remain.
    func abort()
}

/// A file a sink produced.
public struct WrittenFile: Sendable, Hashable, Codable {
    public var path: String
    public var features: Int
    public var bytes: Int64
    /// The extent of what was written (WGS 84), when the file has positions.
    public var bounds: BoundingBox?

    public init(path: String, features: Int, bytes: Int64, bounds: BoundingBox? = nil) {
        self.path = path
        self.features = features
        self.bytes = bytes
        self.bounds = bounds
    }
}

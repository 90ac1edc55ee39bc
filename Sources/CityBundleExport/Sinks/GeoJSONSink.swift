public import CityBundleModel
public import CityBundlePipeline

/// A pipeline sink that streams features into one RFC 7946 GeoJSON (or GeoJSON Sequence) file.
public struct GeoJSONSink: FeatureSink {
    private var writer: GeoJSONWriter
    private let path: String

    /// - Parameters:
    ///   - path: the final file; it appears only when the run completes.
    ///   - sequence: newline-delimited features instead of one FeatureCollection.
    public init(path: String, sequence: Bool, decimals: Int, name: String?) {
        self.path = path
        writer = GeoJSONWriter(
            path: path, format: sequence ? .sequence : .featureCollection, decimals: decimals, name: name)
    }

    public mutating func write(_ batch: [Feature]) throws {
        for feature in batch { try writer.write(feature) }
    }

    public mutating func finish() throws -> [WrittenFile] {
        let summary = try writer.finish()
        return [
            WrittenFile(path: path, features: summary.featureCount, bytes: summary.byteCount, bounds: summary.bounds)
        ]
    }

    public func abort() {
        writer.abort()
    }
}

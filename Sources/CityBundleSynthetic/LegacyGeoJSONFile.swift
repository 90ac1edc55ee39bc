import CityBundleExport
import CityBundleModel

/// Streams features into a GeoJSON FeatureCollection that carries the legacy (2008) `crs` member, so GDAL
/// and QGIS know its projected CRS.
///
/// This is deliberately *not* RFC 7946: the synthetic city is input data as a bureau would deliver it. Each
/// feature is encoded by `GeoJSONFeatureEncoder`; bytes are written in chunks of about 1 MiB through an
/// `AtomicFileWriter`, so memory does not grow with the number of features and a failed write leaves no
/// partial file.
struct LegacyGeoJSONFile {
    /// The chunk size at which bytes go to the file.
    static let chunkSize = 1 << 20

    private let file: AtomicFileWriter
    private let encoder: GeoJSONFeatureEncoder
    private var chunk: [UInt8] = []
    private(set) var featureCount = 0

    /// Starts `path`; `crs` is an OGC URN such as `urn:ogc:def:crs:EPSG::4547`, `name` the collection's name.
    init(path: String, name: String, crs: String, decimals: Int) {
        file = AtomicFileWriter(path: path, permissions: 0o644)
        encoder = GeoJSONFeatureEncoder(decimals: decimals)
        chunk.reserveCapacity(Self.chunkSize + Self.chunkSize / 4)
        // The name and URN are plain ASCII or UTF-8 without quotes or backslashes.
        let header =
            #"{"type":"FeatureCollection","name":"\#(name)","crs":{"type":"name","properties":{"name":"\#(crs)"}},"#
            + #""features":["#
        chunk.append(contentsOf: header.utf8)
    }

    /// Appends one feature.
    mutating func write(_ feature: Feature) throws {
        if featureCount > 0 { chunk.append(UInt8(ascii: ",")) }
        chunk.append(UInt8(ascii: "\n"))
        encoder.encode(feature, into: &chunk)
        featureCount += 1
        if chunk.count >= Self.chunkSize { try flush() }
    }

    /// Closes the collection, fsyncs and renames the file into place; returns its size in bytes.
    mutating func finish() throws -> Int64 {
        if featureCount > 0 { chunk.append(UInt8(ascii: "\n")) }
        chunk.append(contentsOf: "]}\n".utf8)
        try flush()
        try file.finish()
        return file.bytesWritten
    }

    private mutating func flush() throws {
        guard !chunk.isEmpty else { return }
        try file.write(chunk)
        chunk.removeAll(keepingCapacity: true)
    }
}

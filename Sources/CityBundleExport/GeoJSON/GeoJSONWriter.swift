public import CityBundleModel

/// Streams features into a GeoJSON file, atomically.
///
/// Features are encoded by `GeoJSONFeatureEncoder` into an in-memory chunk that is written out whenever it
/// reaches about 1 MiB, so memory does not grow with the number of features. The bytes go to a temporary
/// file next to `path` (see `AtomicFileWriter`); `finish()` fsyncs and renames it into place. `abort()`, a
/// thrown error, or dropping an unfinished writer removes the temporary file: `path` never holds partial
/// output.
///
/// Formats:
/// - `.featureCollection` (`.geojson`): `{"type":"FeatureCollection","name":"…","features":[` then one
///   feature per line, separated by `,`, then `]}` and a newline. `name` is omitted when nil.
/// - `.sequence` (`.geojsonl`, newline-delimited GeoJSON): one feature per line, each ended by `\n`.
///
/// The writer is a handle to one output file: copies share the file, so use one copy only.
public struct GeoJSONWriter {
    /// The layout of the output file.
    public enum Format: Sendable, Hashable {
        /// One FeatureCollection object, one feature per line.
        case featureCollection
        /// Newline-delimited features (GeoJSONL / GeoJSONSeq without record separators).
        case sequence
    }

    /// The size at which the pending chunk is written to the file.
    public static let chunkSize = 1 << 20

    /// The final path of the output.
    public let path: String
    /// The layout of the output.
    public let format: Format
    /// The encoder used for every feature.
    public let encoder: GeoJSONFeatureEncoder

    private let file: AtomicFileWriter
    private var chunk: [UInt8]
    private var featureCount = 0
    private var extent = ScaledExtent()

    /// Prepares a writer for `path`; the temporary file is created by the first `write` (or by `finish`).
    /// - Parameters:
    ///   - format: FeatureCollection or newline-delimited sequence.
    ///   - decimals: digits kept after the point of every coordinate (0…7).
    ///   - name: the FeatureCollection's `name` member (ignored for `.sequence`).
    ///   - permissions: the file's mode (0600 for private files such as quarantine).
    public init(path: String, format: Format, decimals: Int = 7, name: String? = nil, permissions: UInt32 = 0o644) {
        self.path = path
        self.format = format
        self.encoder = GeoJSONFeatureEncoder(decimals: decimals)
        self.file = AtomicFileWriter(path: path, permissions: permissions)
        self.chunk = []
        chunk.reserveCapacity(Self.chunkSize + Self.chunkSize / 4)
        if format == .featureCollection {
            JSONBytes.appendLiteral(#"{"type":"FeatureCollection","#, to: &chunk)
            if let name {
                JSONBytes.appendLiteral(#""name":"#, to: &chunk)
                JSONBytes.appendString(name, to: &chunk)
                chunk.append(UInt8(ascii: ","))
            }
            JSONBytes.appendLiteral(#""features":["#, to: &chunk)
        }
    }

    /// Appends one feature.
    /// - Throws: `OutputError` when the file cannot be created or written (the temporary file is removed),
    ///   or when the writer was already finished or aborted.
    public mutating func write(_ feature: Feature) throws {
        try file.open()
        switch format {
        case .featureCollection:
            if featureCount > 0 { chunk.append(UInt8(ascii: ",")) }
            chunk.append(UInt8(ascii: "\n"))
            encoder.encode(feature, into: &chunk, extent: &extent)
        case .sequence:
            encoder.encode(feature, into: &chunk, extent: &extent)
            chunk.append(UInt8(ascii: "\n"))
        }
        featureCount += 1
        if chunk.count >= Self.chunkSize {
            try flush()
        }
    }

    /// Completes the file and moves it to `path`.
    /// - Returns: the number of features, bytes and the extent of the written positions.
    /// - Throws: `OutputError`; unless only the final directory fsync failed, `path` is left untouched.
    public mutating func finish() throws -> GeoJSONWriteSummary {
        try file.open()
        if format == .featureCollection {
            if featureCount > 0 { chunk.append(UInt8(ascii: "\n")) }
            JSONBytes.appendLiteral("]}\n", to: &chunk)
        }
        try flush()
        try file.finish()
        return GeoJSONWriteSummary(
            path: path, featureCount: featureCount, byteCount: file.bytesWritten,
            bounds: extent.boundingBox(scale: encoder.scale))
    }

    /// Discards the output: removes the temporary file and leaves `path` as it was.
    public func abort() {
        file.abort()
    }

    private mutating func flush() throws {
        guard !chunk.isEmpty else { return }
        try file.write(chunk)
        chunk.removeAll(keepingCapacity: true)
    }
}

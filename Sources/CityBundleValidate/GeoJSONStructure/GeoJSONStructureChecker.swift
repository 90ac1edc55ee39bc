#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A strict RFC 7946 structural checker for GeoJSON and GeoJSON Sequence sources, in the spirit of
/// mapbox's geojsonhint (GDAL's reader tolerates most structural errors silently).
///
/// It reads the file in chunks with its own streaming JSON parser and holds one feature at a time, so
/// memory does not grow with the file. Problems are returned as ``StructureIssue``s; only a file that
/// cannot be read throws.
public struct GeoJSONStructureChecker: Sendable {
    /// The limits enforced on the JSON text.
    public var limits: JSONLimits
    /// The most issues a report keeps; later ones are counted in ``StructureReport/suppressedIssueCount``.
    public var maxIssues: Int
    /// Bytes read from the file at a time.
    public var chunkSize: Int

    /// Creates a checker; the defaults keep 10 000 issues and read 1 MiB at a time.
    public init(limits: JSONLimits = .init(), maxIssues: Int = 10_000, chunkSize: Int = 1 << 20) {
        self.limits = limits
        self.maxIssues = maxIssues
        self.chunkSize = chunkSize
    }

    /// Checks the file at `path`: a GeoJSON Sequence when its extension says so (see
    /// ``GeoJSONInputFormat/init(path:)``), one GeoJSON text otherwise.
    public func check(path: String) throws(StructureCheckError) -> StructureReport {
        try check(path: path, format: GeoJSONInputFormat(path: path))
    }

    /// Checks the file at `path` read as `format`.
    public func check(path: String, format: GeoJSONInputFormat) throws(StructureCheckError) -> StructureReport {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            throw StructureCheckError(path: path, operation: "open", reason: Self.explain(code), code: code)
        }
        let source = ByteChunkSource(descriptor: descriptor, chunkSize: chunkSize)
        let report = run(source, format: format)
        if let code = source.readErrorCode {
            throw StructureCheckError(path: path, operation: "read", reason: Self.explain(code), code: code)
        }
        return report
    }

    /// Checks `bytes` as if they were the file `name` (whose extension chooses the format unless `format`
    /// is given).
    public func check(bytes: [UInt8], name: String, format: GeoJSONInputFormat? = nil) -> StructureReport {
        run(ByteChunkSource(bytes: bytes, chunkSize: chunkSize), format: format ?? GeoJSONInputFormat(path: name))
    }

    private func run(_ source: ByteChunkSource, format: GeoJSONInputFormat) -> StructureReport {
        var walker = GeoJSONDocumentWalker(source: source, format: format, limits: limits, maxIssues: maxIssues)
        walker.run()
        return StructureReport(
            issues: walker.issues.sortedIssues(), featureCount: walker.featureCount,
            suppressedIssueCount: walker.issues.suppressed, suppressedErrorCount: walker.issues.suppressedErrors)
    }

    private static func explain(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}

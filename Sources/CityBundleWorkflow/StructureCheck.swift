import CityBundleIngest
import CityBundleModel
import CityBundlePipeline
import CityBundleValidate

/// The strict RFC 7946 structure check, run on GeoJSON sources before GDAL (which tolerates much
/// of what it finds) reads them.
enum StructureCheck {
    static let extensions = ["geojson", "json", "geojsonl", "geojsons", "geojsonseq", "ndjson", "jsonl"]

    /// The report for a GeoJSON source, or nil for other formats.
    static func report(for source: SourceDefinition) throws -> StructureReport? {
        let path = source.resolvedPath
        guard !DatabaseConnection.isDatabase(path),
            let ext = path.split(separator: ".").last.map({ $0.lowercased() }), extensions.contains(ext)
        else { return nil }
        return try GeoJSONStructureChecker().check(path: path)
    }

    /// A file-level structural error (one that is not about a single feature), as a data error
    /// naming the file, line and rule; nil when there is none.
    static func fileError(in report: StructureReport, source: SourceDefinition) -> IngestError? {
        guard let issue = report.issues.first(where: { $0.severity == .error && $0.featureIndex == nil }) else {
            return nil
        }
        return IngestError(
            path: "\(source.path):\(issue.line):\(issue.column)",
            message: "\(issue.rule): \(issue.message)",
            hint: "the file is not valid GeoJSON (RFC 7946); `citybundle validate \(source.path)` lists every problem",
            exitStatus: .dataErrors)
    }
}

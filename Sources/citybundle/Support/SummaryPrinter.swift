import CityBundleIngest
import CityBundlePipeline
import CityBundleValidate
import CityBundleWorkflow
import Foundation

/// Human-readable summaries for the terminal.
enum SummaryPrinter {
    static func render(_ summary: RunSummary) -> String {
        var lines = ["Pipeline \(summary.pipeline) → \(summary.outputDirectory)"]
        let header = ["source", "read", "published", "quarantined", "warnings", "fixes", "CRS", "accuracy", "output"]
        var rows: [[String]] = []
        for source in summary.sources {
            let accuracy =
                source.transformation.accuracyMetres.map { "\(formatted($0)) m" }
                ?? (source.transformation.isBallpark ? "ballpark" : "unknown")
            rows.append([
                source.id, "\(source.counts.read)", "\(source.counts.written)",
                "\(source.quarantined)",
                "\(source.validation.warnings)", "\(source.validation.fixes)", source.transformation.sourceCRS,
                accuracy,
                outputs(source.files.map(\.path)),
            ])
        }
        lines += table(header: header, rows: rows)
        let read = summary.sources.reduce(0) { $0 + $1.counts.read }
        let written = summary.sources.reduce(0) { $0 + $1.counts.written }
        let quarantined = summary.sources.reduce(0) { $0 + $1.validation.featuresQuarantined }
        lines.append(
            "\(summary.sources.count) sources: \(read) features read = \(written) published + \(quarantined) quarantined."
        )
        if quarantined > 0 {
            lines.append("Quarantine and reports (private): \(summary.stateDirectory)")
        }
        if let publication = summary.publication {
            let counts = publication.changeCounts
            lines.append(
                publication.published
                    ? "Published \(publication.bundle) \(publication.version): \(counts.added) features added, \(counts.removed) removed, \(counts.modified) modified."
                    : "No changes since \(publication.bundle) \(publication.version): nothing published.")
            lines += publication.warnings.map { "warning: \($0)" }
        }
        for warning in summary.warnings { lines.append("warning: \(warning)") }
        return lines.joined(separator: "\n")
    }

    /// File names, with a tileset's tiles counted instead of listed (`tileset.json + 16 GLB`).
    static func outputs(_ paths: [String]) -> String {
        var names: [String] = []
        var tiles = 0
        for path in paths {
            if path.hasSuffix(".glb") && path.contains("_3dtiles/") {
                tiles += 1
            } else {
                names.append(lastComponent(path))
            }
        }
        if tiles > 0, let index = names.lastIndex(of: "tileset.json") {
            names[index] = "tileset.json + \(tiles) GLB"
        }
        return names.joined(separator: ", ")
    }

    static func render(_ report: LayerReport) -> String {
        var lines = [
            "\(report.file) [\(report.layer)] (\(report.driver))",
            "  geometry: \(report.geometryType), \(report.featureCount) features",
            "  CRS: \(report.crs ?? "none declared by the file")"
                + (report.declaredCRS.map { "; declared: \($0)" } ?? ""),
            "  encoding: \(report.encoding)",
        ]
        if let extent = report.extentWGS84 {
            lines.append("  extent (WGS 84): \(extent.map(formatted).joined(separator: ", "))")
        } else if let native = report.extentNative {
            lines.append("  extent (file units): \(native.map(formatted).joined(separator: ", "))")
        }
        if let transformation = report.transformation { lines.append("  to WGS 84: \(transformation)") }
        lines.append("  fields:")
        lines += report.fields.map { "    \($0.name): \($0.type)" }
        lines += report.warnings.map { "  warning: \($0)" }
        return lines.joined(separator: "\n")
    }

    private static func table(header: [String], rows: [[String]]) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingTrailingSpaces
        }
    }

    private static func formatted(_ value: Double) -> String {
        let rounded = (value * 1e6).rounded() / 1e6
        return rounded == rounded.rounded() ? String(Int64(rounded)) : String(rounded)
    }

    private static func lastComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}

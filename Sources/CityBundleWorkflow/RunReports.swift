import CityBundleExport
import CityBundleValidate
import Foundation

/// Reports a run leaves in its state directory (owner-only): `reports/validation.json`, `run.json`
/// (the last run), `runs/<time>.json` (every run) and `metrics.prom` (Prometheus textfile).
enum RunReports {
    static func write(_ summary: RunSummary, to state: String) throws {
        let directory = "\(state)/reports"
        try OutputDirectory.create(directory, permissions: 0o700)
        try writeJSON(summary.validation, to: "\(directory)/validation.json")
        let anonymisation = Dictionary(uniqueKeysWithValues: summary.sources.map { ($0.id, $0.anonymisation) })
        try writeJSON(anonymisation, to: "\(directory)/anonymisation.json")
        try write(
            Array(AnonymisationReport.markdown(summary).utf8), to: "\(directory)/anonymisation.md", permissions: 0o600)
    }

    static func record(_ record: RunRecord, in state: String, metricsFile: String?) throws {
        try OutputDirectory.create("\(state)/runs", permissions: 0o700)
        let stamp = ISO8601DateFormatter().string(from: record.started).replacingOccurrences(of: ":", with: "")
        try writeJSON(record, to: "\(state)/runs/\(stamp).json")
        try writeJSON(record, to: "\(state)/run.json")
        try write(Array(record.prometheusText.utf8), to: "\(state)/metrics.prom", permissions: 0o600)
        if let metricsFile {
            // node_exporter reads this file, so it is world-readable like any textfile-collector file.
            try write(Array(record.prometheusText.utf8), to: metricsFile, permissions: 0o644)
        }
    }

    private static func writeJSON(_ value: some Encodable, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        try write(Array(try encoder.encode(value)), to: path, permissions: 0o600)
    }

    private static func write(_ bytes: [UInt8], to path: String, permissions: UInt32) throws {
        let file = AtomicFileWriter(path: path, permissions: permissions)
        try file.write(bytes)
        try file.finish()
    }
}

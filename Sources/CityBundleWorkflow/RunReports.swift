import CityBundleExport
import CityBundleValidate
import Foundation

/// Reports a run leaves in its state directory (owner-only): `reports/validation.json`.
enum RunReports {
    static func write(_ summary: RunSummary, to state: String) throws {
        let directory = "\(state)/reports"
        try OutputDirectory.create(directory, permissions: 0o700)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(summary.validation)
        let file = AtomicFileWriter(path: "\(directory)/validation.json", permissions: 0o600)
        try file.write(Array(data))
        try file.finish()
    }
}

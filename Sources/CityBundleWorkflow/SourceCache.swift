import CityBundleModel
import CityBundlePipeline
import Crypto
import Foundation

/// Incremental runs: a source's outputs are kept in the state directory under the SHA-256 of
/// everything they depend on — its input files, its settings and the pipeline's, the pseudonym
/// key and the CityBundle version — and reused when nothing of that changed.
struct SourceCache {
    let directory: String

    /// What a cached source holds besides its files.
    struct Entry: Codable {
        var summary: SourceSummary
        var schema: [[String]]
        /// The staging directory the files were written in, to relocate their paths.
        var staging: String
    }

    /// The cache key, or nil when the source cannot be cached (a database).
    func key(for source: SourceDefinition, in definition: PipelineDefinition, version: String) throws -> String? {
        guard !DatabaseConnection.isDatabase(source.resolvedPath) else { return nil }
        var hasher = SHA256()
        func add(_ text: String) {
            hasher.update(data: Data(text.utf8))
            hasher.update(data: Data([0]))
        }
        add("citybundle \(version)")
        add(CanonicalDescription.of(source))
        add(CanonicalDescription.of(definition.extent as Any))
        add(String(definition.assumeWGS84))
        add(CanonicalDescription.of(definition.validation))
        add(CanonicalDescription.of(definition.anonymise))
        add(CanonicalDescription.of(definition.outputs))
        for file in Provenance.inputFiles(of: source) {
            add(file.shown)
            add(try Provenance.sha256(file.path) ?? "unreadable")
        }
        let anonymise = source.anonymise.overriding(definition.anonymise)
        if let zones = anonymise.restrictedZones { add(try Provenance.sha256(zones) ?? "unreadable") }
        // The pseudonym key changes the output: its hash (never the key) is part of the key.
        let environmentKey = ProcessInfo.processInfo.environment[anonymise.keyEnvironment ?? "CITYBUNDLE_PSEUDONYM_KEY"]
        add(environmentKey.map { SHA256.hash(data: Data($0.utf8)).description } ?? "-")
        if let file = anonymise.keyFile { add(try Provenance.sha256(file) ?? "-") }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    private func folder(_ source: String, _ key: String) -> String { "\(directory)/\(source)/\(key)" }

    /// Copies the cached files of `source` into `staging` and returns its summary and schema.
    func restore(source: String, key: String, into staging: String) -> (SourceSummary, [(name: String, type: String)])?
    {
        let folder = folder(source, key)
        guard let data = FileManager.default.contents(atPath: "\(folder)/entry.json"),
            let entry = try? JSONDecoder().decode(Entry.self, from: data)
        else { return nil }
        var summary = entry.summary
        do {
            for file in summary.files {
                let relative = String(file.path.dropFirst(entry.staging.count + 1))
                let target = "\(staging)/\(relative)"
                try FileManager.default.createDirectory(
                    atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try? FileManager.default.removeItem(atPath: target)
                try FileManager.default.copyItem(atPath: "\(folder)/files/\(relative)", toPath: target)
            }
        } catch {
            return nil
        }
        summary.files = summary.files.map { file in
            var file = file
            file.path = staging + file.path.dropFirst(entry.staging.count)
            return file
        }
        summary.cached = true
        return (summary, entry.schema.compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil })
    }

    /// Keeps the source's files and summary for the next run (only the latest key per source).
    func store(_ summary: SourceSummary, schema: [(name: String, type: String)], key: String, staging: String) throws {
        let sourceFolder = "\(directory)/\(summary.id)"
        try? FileManager.default.removeItem(atPath: sourceFolder)
        let folder = folder(summary.id, key)
        for file in summary.files {
            let relative = String(file.path.dropFirst(staging.count + 1))
            let target = "\(folder)/files/\(relative)"
            try FileManager.default.createDirectory(
                atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: file.path, toPath: target)
        }
        let entry = Entry(summary: summary, schema: schema.map { [$0.name, $0.type] }, staging: staging)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(entry).write(to: URL(fileURLWithPath: "\(folder)/entry.json"))
    }
}

/// A deterministic text for any value (dictionaries sorted by key), for hashing settings.
enum CanonicalDescription {
    static func of(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .dictionary:
            let pairs = mirror.children.map { child -> (String, String) in
                let pair = Mirror(reflecting: child.value).children.map(\.value)
                return (of(pair.first as Any), of(pair.last as Any))
            }
            return "[" + pairs.sorted { $0.0 < $1.0 }.map { "\($0.0):\($0.1)" }.joined(separator: ",") + "]"
        case .collection, .set:
            let items = mirror.children.map { of($0.value) }
            return "[" + (mirror.displayStyle == .set ? items.sorted() : items).joined(separator: ",") + "]"
        case .struct, .class, .tuple, .enum:
            if mirror.children.isEmpty { return String(describing: value) }
            return "\(type(of: value))("
                + mirror.children.map { "\($0.label ?? "_")=\(of($0.value))" }.joined(separator: ",") + ")"
        case .optional:
            return mirror.children.first.map { of($0.value) } ?? "nil"
        default:
            return String(describing: value)
        }
    }
}

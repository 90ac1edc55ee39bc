import Foundation
import Logging

/// Writes log records to standard error as `level: message key=value …` or as JSON lines.
/// Messages and metadata name files, fields and feature ids, never attribute values.
struct StderrLogHandler: LogHandler {
    let label: String
    let format: LogFormat
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        let line: String
        switch format {
        case .text:
            let pairs = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            line = "\(event.level): \(event.message)\(pairs.isEmpty ? "" : " " + pairs)"
        case .json:
            var object: [String: String] = [
                "time": ISO8601DateFormatter().string(from: Date()), "level": "\(event.level)",
                "message": "\(event.message)", "logger": label,
            ]
            for (key, value) in merged { object[key] = "\(value)" }
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            line = String(decoding: data, as: UTF8.self)
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

import CityBundleIngest
import CityBundleModel
import CityBundlePipeline
import CityBundleValidate
public import Foundation

/// `run.json`: what one run did, for operators and monitoring. It names sources, rules and counts,
/// never attribute values.
public struct RunRecord: Codable, Sendable {
    public struct Source: Codable, Sendable {
        public var id: String
        public var file: String
        public var crs: String
        public var operation: String
        public var accuracyMetres: Double?
        public var read: Int
        public var published: Int
        public var quarantined: Int
        public var warnings: Int
        public var fixes: Int
        public var seconds: Double
        public var stageSeconds: [String: Double]
        /// False when the source's previous outputs were reused (nothing it depends on changed).
        public var reprocessed: Bool
        public var outputs: [String]
    }

    public var pipeline: String
    public var pipelineFile: String
    public var citybundleVersion: String
    public var started: Date
    public var finished: Date
    public var seconds: Double
    /// `ok`, or the failure's kind.
    public var outcome: String
    public var exitCode: Int32
    public var error: String?
    public var sources: [Source]
    public var warnings: [String]
}

extension RunRecord {
    /// The record of a completed run.
    init(summary: RunSummary?, definitionID: String, file: String, version: String, started: Date, error: (any Error)?)
    {
        let finished = Date()
        pipeline = definitionID
        pipelineFile = file
        citybundleVersion = version
        self.started = started
        self.finished = finished
        seconds = finished.timeIntervalSince(started)
        let status = (error as? any CityBundleError)?.exitStatus ?? (error == nil ? .ok : .io)
        exitCode = status.rawValue
        outcome = error == nil ? "ok" : "\(status)"
        self.error = error.map { "\($0)" }
        warnings = summary?.warnings ?? []
        sources = (summary?.sources ?? []).map { source in
            var stages = source.counts.transformSeconds
            stages["write"] = source.counts.writeSeconds
            return Source(
                id: source.id, file: source.path, crs: source.transformation.sourceCRS,
                operation: source.transformation.operation, accuracyMetres: source.transformation.accuracyMetres,
                read: source.counts.read, published: source.counts.written,
                quarantined: source.quarantined, warnings: source.validation.warnings,
                fixes: source.validation.fixes, seconds: source.counts.seconds, stageSeconds: stages,
                reprocessed: !source.cached,
                outputs: source.files.map(\.path))
        }
    }

    /// Prometheus text exposition (for node_exporter's textfile collector).
    var prometheusText: String {
        let label = "pipeline=\"\(pipeline)\""
        var lines = [
            "# HELP citybundle_run_success 1 when the last run succeeded.",
            "# TYPE citybundle_run_success gauge",
            "citybundle_run_success{\(label)} \(exitCode == 0 ? 1 : 0)",
            "# HELP citybundle_run_exit_code Exit code of the last run.",
            "# TYPE citybundle_run_exit_code gauge",
            "citybundle_run_exit_code{\(label)} \(exitCode)",
            "# HELP citybundle_run_duration_seconds Wall time of the last run.",
            "# TYPE citybundle_run_duration_seconds gauge",
            "citybundle_run_duration_seconds{\(label)} \(seconds)",
            "# HELP citybundle_run_finished_timestamp_seconds When the last run finished (Unix time).",
            "# TYPE citybundle_run_finished_timestamp_seconds gauge",
            "citybundle_run_finished_timestamp_seconds{\(label)} \(Int(finished.timeIntervalSince1970))",
        ]
        for (metric, help, value) in [
            ("citybundle_features_read", "Features read per source in the last run.", { (s: Source) in s.read }),
            ("citybundle_features_published", "Features published per source in the last run.", { $0.published }),
            ("citybundle_features_quarantined", "Features quarantined per source in the last run.", { $0.quarantined }),
        ] as [(String, String, (Source) -> Int)] {
            lines += ["# HELP \(metric) \(help)", "# TYPE \(metric) gauge"]
            lines += sources.map { "\(metric){\(label),source=\"\($0.id)\"} \(value($0))" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

import CityBundleExport
import CityBundleIngest
import CityBundleModel
public import CityBundlePipeline
import CityBundleValidate
import Foundation
public import Logging

/// Runs a pipeline definition: every source is ingested, normalised to WGS 84, validated (features
/// that fail go to quarantine in the state directory) and written to
/// `<output>/<pipeline id>/<source id>.geojson`. Outputs appear only when every source succeeded.
public struct PipelineRun {
    public var definition: PipelineDefinition
    public var outputDirectory: String
    /// Private run state: quarantine files and reports (owner-only, never under the output).
    public var stateDirectory: String
    public var logger: Logger
    public var runner = StreamRunner()
    /// Wait for another run of the same pipeline instead of exiting with code 4.
    public var waitForLock = false
    /// Also write the Prometheus textfile here (for node_exporter), besides the state directory.
    public var metricsFile: String?
    /// The version recorded in run reports.
    public var version = "unknown"
    /// Progress observer (a terminal progress bar), if any.
    public var progress: (any RunProgress)?

    public init(definition: PipelineDefinition, outputDirectory: String, stateDirectory: String, logger: Logger) {
        self.definition = definition
        self.outputDirectory = outputDirectory
        self.stateDirectory = stateDirectory
        self.logger = logger
    }

    /// The pipeline's own folder in the state directory.
    public var pipelineState: String { "\(stateDirectory)/\(definition.id)" }

    /// Runs every source in order under the pipeline's lock. The first failing source stops the run
    /// and nothing is published. Either way `run.json` and the metrics textfile record the outcome.
    public func execute() throws -> RunSummary {
        try OutputDirectory.create(stateDirectory, permissions: 0o700)
        try OutputDirectory.create(pipelineState, permissions: 0o700)
        let lock = try PipelineLock(path: "\(pipelineState)/lock", wait: waitForLock)
        if let stale = lock.staleHolder {
            logger.notice("took over a lock left by a run that did not finish", metadata: ["cb.previous": "\(stale)"])
        }
        let started = Date()
        do {
            let summary = try executeSources()
            try RunReports.record(
                RunRecord(
                    summary: summary, definitionID: definition.id, file: definition.file, version: version,
                    started: started, error: nil),
                in: pipelineState, metricsFile: metricsFile)
            return summary
        } catch {
            try? RunReports.record(
                RunRecord(
                    summary: nil, definitionID: definition.id, file: definition.file, version: version,
                    started: started, error: error),
                in: pipelineState, metricsFile: metricsFile)
            throw error
        }
    }

    private func executeSources() throws -> RunSummary {
        let output = try StagedOutput(parent: outputDirectory, name: definition.id)
        var summaries: [SourceSummary] = []
        do {
            for source in definition.sources {
                summaries.append(try execute(source, into: output.staging))
            }
            let summary = RunSummary(
                pipeline: definition.id, outputDirectory: output.final, stateDirectory: pipelineState,
                sources: summaries)
            try RunReports.write(summary, to: pipelineState)
            try output.commit()
            return summary
        } catch {
            output.discard()
            throw error
        }
    }

    private func execute(_ source: SourceDefinition, into directory: String) throws -> SourceSummary {
        let reader = try GDALFeatureSource(source, extent: definition.extent, assumeWGS84: definition.assumeWGS84)
        let transformation = reader.transformation
        logger.info(
            "source opened",
            metadata: [
                "cb.source": "\(source.id)", "cb.layer": "\(reader.layerName)", "cb.crs": "\(transformation.sourceCRS)",
                "cb.crs.origin": "\(transformation.origin)", "cb.operation": "\(transformation.operation)",
                "cb.accuracy_m": "\(transformation.accuracyMetres.map { "\($0)" } ?? "unknown")",
            ])
        for warning in transformation.warnings { logger.warning("\(warning)") }
        for note in transformation.notes { logger.notice("\(note)", metadata: ["cb.source": "\(source.id)"]) }

        let quarantinePath = "\(pipelineState)/quarantine/\(source.id).geojson"
        try? FileManager.default.removeItem(atPath: quarantinePath)
        let book = RuleBook(
            kind: source.kind, settings: source.validation.overriding(definition.validation), extent: definition.extent)
        let validation = ValidationStage(
            source: source.id, file: source.path, book: book, quarantinePath: quarantinePath)
        var sinks = makeSinks(for: source, in: directory)
        var runner = self.runner
        if let progress {
            let id = source.id
            progress.started(source: id, expected: reader.expectedCount)
            runner.progress = { read in progress.advanced(source: id, read: read) }
        }
        let (counts, files) = try runner.run(name: source.id, source: reader, transforms: [validation], sinks: &sinks)
        progress?.finished(source: source.id, read: counts.read)
        let report = validation.report
        logger.info(
            "source written",
            metadata: [
                "cb.source": "\(source.id)", "cb.features.read": "\(counts.read)",
                "cb.features.written": "\(counts.written)", "cb.features.quarantined": "\(report.featuresQuarantined)",
                "cb.validation.warnings": "\(report.warnings)", "cb.validation.fixes": "\(report.fixes)",
            ])
        let summary = SourceSummary(
            id: source.id, path: source.path, layer: reader.layerName, transformation: transformation, counts: counts,
            validation: report, files: files.map { relocated($0, from: directory) })
        guard summary.reconciles else {
            throw WorkflowError(
                message:
                    "source '\(source.id)': \(counts.read) features read but \(counts.written) written and \(report.featuresQuarantined) quarantined",
                exitStatus: .dataErrors)
        }
        return summary
    }

    /// The file's path once the staging directory has become the output directory.
    private func relocated(_ file: WrittenFile, from staging: String) -> WrittenFile {
        var moved = file
        moved.path = "\(outputDirectory)/\(definition.id)" + file.path.dropFirst(staging.count)
        return moved
    }

    private func makeSinks(for source: SourceDefinition, in directory: String) -> [any FeatureSink] {
        var sinks: [any FeatureSink] = []
        if let geojson = definition.outputs.geojson {
            sinks.append(
                GeoJSONSink(
                    path: "\(directory)/\(source.id).geojson", sequence: false, decimals: geojson.decimals,
                    name: source.id))
        }
        if let sequence = definition.outputs.geojsonSeq {
            sinks.append(
                GeoJSONSink(
                    path: "\(directory)/\(source.id).geojsonl", sequence: true, decimals: sequence.decimals,
                    name: source.id))
        }
        return sinks
    }
}

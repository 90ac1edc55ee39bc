import CityBundleAnonymise
import CityBundleExport
import CityBundleIngest
import CityBundleModel
public import CityBundlePipeline
import CityBundlePublish
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
    /// The private key that signs published versions (pipelines with `publish:`).
    public var signingKey: String?
    /// Version and force options for publishing.
    public var publishOptions = PublishOptions(citybundleVersion: "unknown")

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
        if let publish = definition.publish { return try executeAndPublish(publish) }
        let output = try StagedOutput(parent: outputDirectory, name: definition.id)
        do {
            let (summaries, _) = try executeAll(into: output.staging)
            var summary = RunSummary(
                pipeline: definition.id, outputDirectory: output.final, stateDirectory: pipelineState,
                sources: summaries)
            summary.sources = summaries.map { relocated($0, from: output.staging, to: output.final) }
            try RunReports.write(summary, to: pipelineState)
            try output.commit()
            return summary
        } catch {
            output.discard()
            throw error
        }
    }

    /// Writes every source into a private staging directory, then publishes a new signed version of
    /// the bundle under the output root (or nothing, when no feature changed).
    private func executeAndPublish(_ settings: PublishSettings) throws -> RunSummary {
        let key = try loadSigningKey(bundle: settings.bundle ?? definition.id)
        let staging = "\(pipelineState)/staging-\(UInt64.random(in: 0...UInt64.max))"
        try OutputDirectory.create(staging, permissions: 0o700)
        defer { try? FileManager.default.removeItem(atPath: staging) }
        try OutputDirectory.create(outputDirectory)
        let (summaries, schemas) = try executeAll(into: staging)
        var summary = RunSummary(
            pipeline: definition.id, outputDirectory: outputDirectory, stateDirectory: pipelineState, sources: summaries
        )
        try RunReports.write(summary, to: pipelineState)
        let publication = BundlePublication(
            definition: definition, settings: settings, root: outputDirectory, key: key, options: publishOptions)
        let outcome = try publication.publish(staging: staging, sources: summaries, schemas: schemas)
        summary.publication = outcome
        summary.outputDirectory = "\(outputDirectory)/\(outcome.bundle)/\(outcome.version)"
        if outcome.published {
            summary.sources = summaries.map { relocated($0, from: staging, to: summary.outputDirectory) }
        }
        logger.info(
            outcome.published ? "version published" : "no changes: nothing published",
            metadata: ["cb.bundle": "\(outcome.bundle)", "cb.version": "\(outcome.version)"])
        return summary
    }

    /// The given key, or `<state>/keys/<bundle>.key`, created on first use (reported, so that an
    /// operator knows to hand out its public half, `<key>.pub.json`).
    private func loadSigningKey(bundle: String) throws -> SigningKey {
        if let signingKey { return try SigningKey.read(from: signingKey) }
        let directory = "\(stateDirectory)/keys"
        let path = "\(directory)/\(bundle).key"
        if FileManager.default.fileExists(atPath: path) { return try SigningKey.read(from: path) }
        try OutputDirectory.create(directory, permissions: 0o700)
        let key = try SigningKey.generate(id: "\(bundle)-\(UInt32.random(in: 0...UInt32.max))").write(to: path)
        try key.exportPublicKey(to: path + ".pub.json")
        logger.notice(
            "generated a signing key; give clients its public half, or pass --signing-key with your own",
            metadata: ["cb.key": "\(path)", "cb.public_key": "\(path).pub.json", "cb.key_id": "\(key.id)"])
        return key
    }

    private func executeAll(into directory: String) throws -> (
        [SourceSummary], [String: [(name: String, type: String)]]
    ) {
        var summaries: [SourceSummary] = []
        var schemas: [String: [(name: String, type: String)]] = [:]
        let cache = SourceCache(directory: "\(pipelineState)/cache")
        for source in definition.sources {
            let key = try cache.key(for: source, in: definition, version: version)
            if let key, let (summary, schema) = cache.restore(source: source.id, key: key, into: directory) {
                logger.info("source unchanged: previous outputs reused", metadata: ["cb.source": "\(source.id)"])
                summaries.append(summary)
                schemas[source.id] = schema
                continue
            }
            let schema = SchemaCollector()
            let summary = try execute(source, into: directory, schema: schema)
            if let key { try cache.store(summary, schema: schema.fields, key: key, staging: directory) }
            summaries.append(summary)
            schemas[source.id] = schema.fields
        }
        return (summaries, schemas)
    }

    private func execute(_ source: SourceDefinition, into directory: String, schema: SchemaCollector) throws
        -> SourceSummary
    {
        let structure = try StructureCheck.report(for: source)
        if let structure, let error = StructureCheck.fileError(in: structure, source: source) { throw error }
        let opened = try SourceReaders.open(source, in: definition)
        let reader = opened.reader
        let transformation = opened.transformation
        logger.info(
            "source opened",
            metadata: [
                "cb.source": "\(source.id)", "cb.layer": "\(opened.layer)", "cb.crs": "\(transformation.sourceCRS)",
                "cb.crs.origin": "\(transformation.origin)", "cb.operation": "\(transformation.operation)",
                "cb.accuracy_m": "\(transformation.accuracyMetres.map { "\($0)" } ?? "unknown")",
            ])
        for warning in transformation.warnings { logger.warning("\(warning)") }
        for note in transformation.notes { logger.notice("\(note)", metadata: ["cb.source": "\(source.id)"]) }

        let quarantinePath = "\(pipelineState)/quarantine/\(source.id).geojson"
        let recheckPath = "\(pipelineState)/quarantine/\(source.id).after-anonymise.geojson"
        for path in [quarantinePath, recheckPath] { try? FileManager.default.removeItem(atPath: path) }
        let book = RuleBook(
            kind: source.kind, settings: source.validation.overriding(definition.validation), extent: definition.extent)
        let validation = ValidationStage(
            source: source.id, file: source.path, book: book, quarantinePath: quarantinePath, structure: structure)
        let anonymisation = try AnonymisationStages.make(for: source, pipeline: definition)
        // Geometry a later stage changed (precision, restricted zones) is checked again.
        let recheck = ValidationStage(
            source: source.id, file: source.path, book: RuleBook.geometryRecheck(of: book), quarantinePath: recheckPath)
        var sinks = makeSinks(for: source, in: directory)
        var runner = self.runner
        if let progress {
            let id = source.id
            progress.started(source: id, expected: opened.expectedCount)
            runner.progress = { read in progress.advanced(source: id, read: read) }
        }
        let (counts, files) = try runner.run(
            name: source.id, source: reader, transforms: [validation, anonymisation, recheck, schema], sinks: &sinks)
        progress?.finished(source: source.id, read: counts.read)
        let report = validation.report
        logger.info(
            "source written",
            metadata: [
                "cb.source": "\(source.id)", "cb.features.read": "\(counts.read)",
                "cb.features.written": "\(counts.written)", "cb.features.quarantined": "\(report.featuresQuarantined)",
                "cb.validation.warnings": "\(report.warnings)", "cb.validation.fixes": "\(report.fixes)",
                "cb.anonymise.dropped": "\(anonymisation.droppedCount)",
                "cb.anonymise.values_changed": "\(anonymisation.audit.valuesChanged)",
            ])
        let summary = SourceSummary(
            id: source.id, path: source.path, layer: opened.layer, transformation: transformation, counts: counts,
            validation: report, recheck: recheck.report,
            anonymisation: AnonymisationSummary(
                audit: anonymisation.audit, displacement: anonymisation.displacement, dropped: anonymisation.dropped,
                geometriesChanged: anonymisation.geometriesChanged),
            files: files)
        guard summary.reconciles else {
            throw WorkflowError(
                message:
                    "source '\(source.id)': \(counts.read) features read but \(counts.written) written, \(report.featuresQuarantined + recheck.report.featuresQuarantined) quarantined and \(anonymisation.droppedCount) removed by anonymisation",
                exitStatus: .dataErrors)
        }
        return summary
    }

    /// The source's files as they are named once the staging directory's content is in place.
    private func relocated(_ source: SourceSummary, from staging: String, to final: String) -> SourceSummary {
        var moved = source
        moved.files = source.files.map { file in
            var file = file
            if file.path.hasPrefix(staging) { file.path = final + file.path.dropFirst(staging.count) }
            return file
        }
        return moved
    }

    private func makeSinks(for source: SourceDefinition, in directory: String) -> [any FeatureSink] {
        var sinks: [any FeatureSink] = []
        if let geojson = definition.outputs.geojson {
            sinks.append(
                PublishedCRSSink(
                    wrapped: GeoJSONSink(
                        path: "\(directory)/\(source.id).geojson", sequence: false, decimals: geojson.decimals,
                        name: source.id), crs: definition.outputs.crs))
            if let partition = geojson.partition {
                sinks.append(
                    PartitionedGeoJSONSink(
                        source: source.id, directory: directory, decimals: geojson.decimals,
                        crs: definition.outputs.crs, minFeatures: partition.minFeatures,
                        maxFeaturesPerTile: partition.maxFeaturesPerTile
                            ?? definition.outputs.tiles3D?.maxFeaturesPerTile ?? ThreeDOutput().maxFeaturesPerTile))
            }
        }
        // 3D is for landmark buildings and scenic sites; other geospatial layers (district
        // boundaries tens of kilometres wide) stay 2D.
        if let tiles = definition.outputs.tiles3D, source.kind != .geospatial {
            sinks.append(
                ThreeDSink(form: .tileset, source: source.id, kind: source.kind, directory: directory, options: tiles))
        }
        if let glb = definition.outputs.glb, source.kind != .geospatial {
            sinks.append(
                ThreeDSink(form: .singleGLB, source: source.id, kind: source.kind, directory: directory, options: glb))
        }
        if let sequence = definition.outputs.geojsonSeq {
            sinks.append(
                PublishedCRSSink(
                    wrapped: GeoJSONSink(
                        path: "\(directory)/\(source.id).geojsonl", sequence: true, decimals: sequence.decimals,
                        name: source.id), crs: definition.outputs.crs))
        }
        return sinks
    }
}

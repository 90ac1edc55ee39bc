import CityBundleExport
import CityBundleIngest
import CityBundleModel
public import CityBundlePipeline
public import Logging

/// Runs a pipeline definition: every source is ingested, normalised to WGS 84 and written to
/// `<output>/<pipeline id>/<source id>.geojson` (and `.geojsonl` when configured).
public struct PipelineRun {
    public var definition: PipelineDefinition
    public var outputDirectory: String
    public var logger: Logger
    public var runner = StreamRunner()

    public init(definition: PipelineDefinition, outputDirectory: String, logger: Logger) {
        self.definition = definition
        self.outputDirectory = outputDirectory
        self.logger = logger
    }

    /// Runs every source in order; the first failing source stops the run (its outputs are removed).
    public func execute() throws -> RunSummary {
        let directory = "\(outputDirectory)/\(definition.id)"
        try OutputDirectory.create(directory)
        var summaries: [SourceSummary] = []
        for source in definition.sources {
            summaries.append(try execute(source, into: directory))
        }
        return RunSummary(pipeline: definition.id, outputDirectory: directory, sources: summaries)
    }

    private func execute(_ source: SourceDefinition, into directory: String) throws -> SourceSummary {
        let extent = definition.extent
        let assumeWGS84 = definition.assumeWGS84
        let reader = try GDALFeatureSource(source, extent: extent, assumeWGS84: assumeWGS84)
        let transformation = reader.transformation
        let layer = reader.layerName
        logger.info(
            "source opened",
            metadata: [
                "cb.source": "\(source.id)", "cb.layer": "\(layer)", "cb.crs": "\(transformation.sourceCRS)",
                "cb.crs.origin": "\(transformation.origin)", "cb.operation": "\(transformation.operation)",
                "cb.accuracy_m": "\(transformation.accuracyMetres.map { "\($0)" } ?? "unknown")",
            ])
        for warning in transformation.warnings { logger.warning("\(warning)") }
        for note in transformation.notes { logger.notice("\(note)", metadata: ["cb.source": "\(source.id)"]) }

        var sinks = try makeSinks(for: source, in: directory)
        let (counts, files) = try runner.run(
            name: source.id,
            source: reader,
            transforms: [], sinks: &sinks)
        logger.info(
            "source written",
            metadata: [
                "cb.source": "\(source.id)", "cb.features.read": "\(counts.read)",
                "cb.features.written": "\(counts.written)",
            ])
        return SourceSummary(
            id: source.id, path: source.path, layer: layer, transformation: transformation, counts: counts, files: files
        )
    }

    private func makeSinks(for source: SourceDefinition, in directory: String) throws -> [any FeatureSink] {
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

import ArgumentParser
import CityBundlePipeline
import CityBundleWorkflow
import Foundation
import Logging

extension CityBundleCommand {
    /// `citybundle run PIPELINE.yaml`: the whole pipeline.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a pipeline file: ingest every source, normalise to WGS 84, write the outputs.",
            discussion: """
                Each source becomes <output>/<pipeline id>/<source id>.geojson (RFC 7946).
                Example:
                  citybundle run Pipelines/wuhan.yaml --output ./public
                """)

        @Argument(help: "The pipeline file (YAML; see docs/pipeline.md).")
        var pipeline: String

        @Option(name: .shortAndLong, help: "The directory to write to.")
        var output = "./public"

        @Option(help: "The private state directory: quarantine files and reports (owner-only).")
        var state = "./state"

        @Flag(help: "If another run of this pipeline holds the lock, wait for it instead of exiting with code 4.")
        var wait = false

        @Option(help: "Also write the run's Prometheus metrics to this file (for node_exporter's textfile collector).")
        var metricsFile: String?

        @OptionGroup var logging: LoggingOptions

        func run() throws {
            let logger = logging.makeLogger()
            let definition = try PipelineLoader.load(path: pipeline)
            logger.info(
                "pipeline loaded",
                metadata: ["cb.pipeline": "\(definition.id)", "cb.sources": "\(definition.sources.count)"])
            var run = PipelineRun(
                definition: definition, outputDirectory: output, stateDirectory: state, logger: logger)
            run.waitForLock = wait
            run.metricsFile = metricsFile
            run.version = CityBundleCommand.version
            if isatty(2) != 0 && logging.logFormat == .text && !logging.quiet {
                run.progress = TerminalProgress()
            }
            let summary = try run.execute()
            print(SummaryPrinter.render(summary))
        }
    }
}

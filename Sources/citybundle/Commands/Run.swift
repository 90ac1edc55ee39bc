import ArgumentParser
import CityBundlePipeline
import CityBundleWorkflow
import Foundation
import Logging

extension CityBundleCommand {
    /// `citybundle run PIPELINE.yaml`: the whole pipeline.
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a pipeline file: ingest every source, normalise to WGS 84, write the outputs.",
            discussion: """
                Each source becomes an RFC 7946 GeoJSON. A pipeline with a `publish:` section publishes a new \
                signed version of its bundle under <output>/<bundle>/<version>/ (or nothing when no feature \
                changed); without one, files go to <output>/<pipeline id>/.
                Examples:
                  citybundle run Pipelines/wuhan.yaml --output ./public --signing-key state/keys/wuhan.key
                  citybundle run Pipelines/wuhan.yaml --version 2026.12.01 --force
                  citybundle run Pipelines/wuhan.yaml --publish-to s3://opendata/citybundle/
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

        @Option(help: "The private key that signs published versions (pipelines with a `publish:` section).")
        var signingKey: String?

        @Option(help: "The version to publish (default: today's date, YYYY.MM.DD, with .N for more than one a day).")
        var version: String?

        @Flag(help: "Publish even when a source lost more features than the pipeline allows, or nothing changed.")
        var force = false

        @Option(help: ArgumentHelp(S3Publishing.help, valueName: "s3-url"))
        var publishTo: String?

        @OptionGroup var logging: LoggingOptions

        func validate() throws {
            try S3Publishing.validate(publishTo)
        }

        func run() async throws {
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
            run.signingKey = signingKey
            run.publishOptions = PublishOptions(
                version: version, force: force, citybundleVersion: CityBundleCommand.version)
            if isatty(2) != 0 && logging.logFormat == .text && !logging.quiet {
                run.progress = TerminalProgress()
            }
            let summary = try run.execute()
            print(SummaryPrinter.render(summary))
            if let publishTo {
                guard summary.publication != nil else {
                    throw ValidationError("--publish-to needs a pipeline with a `publish:` section")
                }
                try await S3Publishing.mirror(root: output, to: publishTo, logger: logger)
            }
        }
    }
}

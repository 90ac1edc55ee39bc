public import ArgumentParser
import CityBundleModel
import CityBundlePipeline
public import CityBundleValidate
import CityBundleWorkflow
import Foundation

extension ReportFormat: ExpressibleByArgument {}

extension CityBundleCommand {
    /// `citybundle validate`: the CI gate for data contributions.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check data files (or every source of a pipeline) against the validation rules; write nothing.",
            discussion: """
                Findings read like a compiler's: FILE:FEATURE-ID: severity: rule: message (hint).
                Exit codes: 0 clean, 1 data errors (over --max-errors, or warnings with --fail-on warning), \
                2 usage or configuration, 3 I/O.
                Examples:
                  citybundle validate buildings.geojson --kind building
                  citybundle validate Pipelines/wuhan.yaml --format sarif --output findings.sarif
                  citybundle validate data/*.geojson --rules rules.yaml --format github
                """)

        @Argument(help: "Data files, or one pipeline file (.yaml) whose sources are all checked.")
        var inputs: [String]

        @OptionGroup var source: SourceOptions

        @Option(help: "A YAML file of validation settings (the keys of a pipeline's `validation:` section).")
        var rules: String?

        @Option(help: "Errors tolerated before the exit code is 1.")
        var maxErrors = 0

        @Option(help: "Fail (exit 1) on errors only, or on warnings too: error or warning.")
        var failOn: FailLevel = .error

        @Option(help: "Report format: text, json, junit, sarif or github (workflow annotations).")
        var format: ReportFormat = .text

        @Option(name: .shortAndLong, help: "Write the report to this file instead of standard output.")
        var output: String?

        @Flag(
            help: "Only the strict RFC 7946 structure check of GeoJSON inputs (streaming, no GDAL, no feature rules).")
        var structureOnly = false

        enum FailLevel: String, ExpressibleByArgument, CaseIterable {
            case error, warning
        }

        func run() throws {
            var settings = try rules.map(ValidationSettings.load(rulesFile:)) ?? ValidationSettings()
            let run: ValidationRun
            if inputs.count == 1, inputs[0].hasSuffix(".yaml") || inputs[0].hasSuffix(".yml") {
                let pipeline = try PipelineLoader.load(path: inputs[0])
                settings = settings.overriding(pipeline.validation)
                run = ValidationRun(
                    sources: pipeline.sources, settings: settings, extent: pipeline.extent,
                    assumeWGS84: pipeline.assumeWGS84)
            } else {
                let sources = inputs.enumerated().map { index, path in
                    source.definition(path: path, id: "input\(index + 1)")
                }
                run = ValidationRun(sources: sources, settings: settings, extent: nil, assumeWGS84: source.assumeWGS84)
            }
            let report = structureOnly ? try ValidationRun.structureOnly(run.sources) : run.execute()
            let text = ReportRenderer.render(report, as: format, toolVersion: CityBundleCommand.version)
            if let output {
                do {
                    try (text + "\n").write(toFile: output, atomically: true, encoding: .utf8)
                } catch {
                    throw WorkflowError(
                        message: "\(output): cannot write the report: \(error.localizedDescription)", exitStatus: .io)
                }
            } else {
                print(text)
            }
            let unreadable = report.allFindings.contains { $0.rule == "source.unreadable" }
            if unreadable && report.errors == report.allFindings.filter({ $0.rule == "source.unreadable" }).count {
                throw ExitCode(ExitStatus.io.rawValue)
            }
            if report.errors > maxErrors || (failOn == .warning && report.warnings > 0) {
                throw ExitCode(ExitStatus.dataErrors.rawValue)
            }
        }
    }
}

public import CityBundleIngest
public import CityBundlePipeline
public import CityBundleValidate

/// What one source did in a run.
public struct SourceSummary: Sendable {
    public var id: String
    public var path: String
    public var layer: String
    public var transformation: TransformationReport
    public var counts: StreamRunner.Counts
    public var validation: SourceValidation
    public var files: [WrittenFile]

    /// Features read = features published + features quarantined.
    public var reconciles: Bool {
        counts.read == counts.written + validation.featuresQuarantined
    }
}

/// What a whole run did, for the printed summary and reports.
public struct RunSummary: Sendable {
    public var pipeline: String
    public var outputDirectory: String
    public var stateDirectory: String
    public var sources: [SourceSummary]
    /// What publishing did, for pipelines that publish bundles.
    public var publication: PublicationOutcome?

    /// Every warning of every source.
    public var warnings: [String] { sources.flatMap(\.transformation.warnings) }
    /// The validation results of every source.
    public var validation: ValidationReport { ValidationReport(sources: sources.map(\.validation)) }
}

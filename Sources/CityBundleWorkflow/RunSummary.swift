public import CityBundleAnonymise
public import CityBundleIngest
public import CityBundlePipeline
public import CityBundleValidate

/// What one source did in a run.
public struct SourceSummary: Sendable, Codable {
    public var id: String
    public var path: String
    public var layer: String
    public var transformation: TransformationReport
    public var counts: StreamRunner.Counts
    public var validation: SourceValidation
    /// The geometry check after anonymisation changed geometries.
    public var recheck: SourceValidation
    public var anonymisation: AnonymisationSummary
    public var files: [WrittenFile]
    /// True when nothing the source depends on changed and its previous outputs were reused.
    public var cached = false

    /// Features quarantined by validation and by the check after anonymisation.
    public var quarantined: Int { validation.featuresQuarantined + recheck.featuresQuarantined }

    /// Features read = published + quarantined + removed by an explicit anonymisation rule.
    public var reconciles: Bool {
        counts.read == counts.written + quarantined + anonymisation.droppedCount
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

/// What anonymisation did to one source: never a value, only rules, counts and distances.
public struct AnonymisationSummary: Sendable, Codable {
    public var audit: AnonymisationAudit
    public var displacement: DisplacementStatistics
    public var dropped: [String: Int]
    public var geometriesChanged: Int

    public var droppedCount: Int { dropped.values.reduce(0, +) }
}

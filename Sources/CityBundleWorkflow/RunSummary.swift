public import CityBundleIngest
public import CityBundlePipeline

/// What one source did in a run.
public struct SourceSummary: Sendable {
    public var id: String
    public var path: String
    public var layer: String
    public var transformation: TransformationReport
    public var counts: StreamRunner.Counts
    public var files: [WrittenFile]
}

/// What a whole run did, for the printed summary and reports.
public struct RunSummary: Sendable {
    public var pipeline: String
    public var outputDirectory: String
    public var sources: [SourceSummary]

    /// Every warning of every source.
    public var warnings: [String] { sources.flatMap(\.transformation.warnings) }
}

/// What ``GeoJSONStructureChecker`` found in one source.
public struct StructureReport: Sendable, Hashable, Codable {
    /// The issues kept, ordered by line and column.
    public var issues: [StructureIssue]
    /// The number of feature objects seen: JSON objects in a FeatureCollection's `features` array,
    /// Feature texts of a GeoJSON Sequence, or 1 for a root Feature.
    public var featureCount: Int
    /// Issues found beyond the checker's `maxIssues` and therefore not kept.
    public var suppressedIssueCount: Int
    /// How many of the suppressed issues are errors.
    public var suppressedErrorCount: Int

    /// Creates a report.
    public init(
        issues: [StructureIssue], featureCount: Int, suppressedIssueCount: Int = 0, suppressedErrorCount: Int = 0
    ) {
        self.issues = issues
        self.featureCount = featureCount
        self.suppressedIssueCount = suppressedIssueCount
        self.suppressedErrorCount = suppressedErrorCount
    }

    /// The issues of severity error.
    public var errors: [StructureIssue] { issues.filter { $0.severity == .error } }
    /// The issues of severity warning.
    public var warnings: [StructureIssue] { issues.filter { $0.severity == .warning } }
    /// True when at least one error was found (kept or suppressed).
    public var hasErrors: Bool { suppressedErrorCount > 0 || issues.contains { $0.severity == .error } }
}

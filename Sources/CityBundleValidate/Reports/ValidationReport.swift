import CityBundlePipeline

/// One finding against one feature, as reports list it.
public struct FeatureFinding: Sendable, Codable, Hashable {
    public init(
        file: String, layer: String? = nil, index: Int64? = nil, featureID: String? = nil, line: Int? = nil,
        rule: String, severity: Severity, message: String, hint: String? = nil
    ) {
        self.file = file
        self.layer = layer
        self.index = index
        self.featureID = featureID
        self.line = line
        self.rule = rule
        self.severity = severity
        self.message = message
        self.hint = hint
    }

    /// The file the feature came from, as the pipeline or command line names it.
    public var file: String
    public var layer: String?
    /// The feature's index in its layer.
    public var index: Int64?
    /// The feature's stable id, when it has one.
    public var featureID: String?
    /// The 1-based line, for findings of the structural GeoJSON check.
    public var line: Int?
    /// The rule's stable name (`geometry.invalid`, `geojson.type-missing`, …).
    public var rule: String
    public var severity: Severity
    public var message: String
    public var hint: String?
}

/// What validation found in one source. Findings name rules, fields and feature ids, never values.
public struct SourceValidation: Sendable, Codable, Hashable {
    public var source: String
    public var file: String
    public var featuresChecked = 0
    public var featuresPassed = 0
    public var featuresQuarantined = 0
    public var errors = 0
    public var warnings = 0
    public var fixes = 0
    /// Findings per rule and severity, e.g. `["geometry.invalid": ["error": 2]]`.
    public var countsByRule: [String: [String: Int]] = [:]
    /// The findings, in input order, up to `SourceValidation.findingLimit`.
    public var findings: [FeatureFinding] = []
    /// True when more findings existed than were kept.
    public var findingsTruncated = false
    /// Where the quarantined features were written (in the state directory), if any.
    public var quarantineFile: String?

    /// Findings kept per source; the counts are always complete.
    public static let findingLimit = 10_000

    public init(source: String, file: String) {
        self.source = source
        self.file = file
    }

    /// Counts a finding and keeps it while under the limit.
    public mutating func record(_ finding: FeatureFinding) {
        switch finding.severity {
        case .error: errors += 1
        case .warning: warnings += 1
        case .fixed: fixes += 1
        }
        countsByRule[finding.rule, default: [:]][finding.severity.rawValue, default: 0] += 1
        if findings.count < Self.findingLimit {
            findings.append(finding)
        } else {
            findingsTruncated = true
        }
    }
}

/// Validation results of a run or of `citybundle validate`.
public struct ValidationReport: Sendable, Codable, Hashable {
    public var sources: [SourceValidation]

    public init(sources: [SourceValidation] = []) {
        self.sources = sources
    }

    public var errors: Int { sources.reduce(0) { $0 + $1.errors } }
    public var warnings: Int { sources.reduce(0) { $0 + $1.warnings } }
    public var fixes: Int { sources.reduce(0) { $0 + $1.fixes } }
    /// Every finding of every source, in order.
    public var allFindings: [FeatureFinding] { sources.flatMap(\.findings) }
}

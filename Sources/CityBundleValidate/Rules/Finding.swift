public import CityBundlePipeline

/// How serious a finding is.
public enum Severity: String, Sendable, Codable, Hashable, Comparable {
    /// The feature is quarantined.
    case error
    /// The feature is published; the finding is reported.
    case warning
    /// The problem was repaired; the repair is reported.
    case fixed

    private var rank: Int {
        switch self {
        case .error: 2
        case .warning: 1
        case .fixed: 0
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One rule's verdict on one feature. Messages name fields, never attribute values.
public struct Finding: Sendable, Codable, Hashable {
    public var rule: RuleID
    public var severity: Severity
    public var message: String
    public var hint: String?

    public init(rule: RuleID, severity: Severity, message: String, hint: String? = nil) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.hint = hint
    }
}

/// One problem found in a GeoJSON source: which rule, how bad, where, and what to do about it.
public struct StructureIssue: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How serious an issue is.
    public enum Severity: String, Sendable, Hashable, Codable, CaseIterable {
        /// The input breaks RFC 8259 or RFC 7946; readers may reject or misread it.
        case error
        /// The input is readable but discouraged by RFC 7946 (winding, `crs`, single-member collections…).
        case warning
    }

    /// The stable machine name of the rule, e.g. `geojson.type-missing` (see ``StructureRule``).
    public var rule: String
    /// Error or warning.
    public var severity: Severity
    /// A sentence for a person: what is wrong and, where it helps, what to do.
    public var message: String
    /// The 1-based line the issue is reported on.
    public var line: Int
    /// The 1-based column on that line, counted in Unicode scalars.
    public var column: Int
    /// The 0-based index of the feature in a FeatureCollection's `features` array or of the text in a
    /// GeoJSON Sequence; nil outside features.
    public var featureIndex: Int?
    /// Where in the document, e.g. `features[3].geometry.coordinates`; empty for the root (a
    /// sequence's texts start with `[index]`).
    public var path: String

    /// Creates an issue.
    public init(
        rule: String, severity: Severity, message: String, line: Int, column: Int, featureIndex: Int? = nil,
        path: String = ""
    ) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.line = line
        self.column = column
        self.featureIndex = featureIndex
        self.path = path
    }

    /// `line:column: severity: [path: ]message [rule]`, like a compiler diagnostic.
    public var description: String {
        let location = path.isEmpty ? "" : "\(path): "
        return "\(line):\(column): \(severity.rawValue): \(location)\(message) [\(rule)]"
    }
}

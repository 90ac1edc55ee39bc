/// The formats `citybundle validate` writes.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// Compiler-style lines: `file:feature-id: rule: message (hint)`.
    case text
    /// The `ValidationReport` as JSON.
    case json
    /// JUnit XML, one test suite per source and one test case per feature with findings.
    case junit
    /// SARIF 2.1.0, for code-scanning tools.
    case sarif
    /// GitHub Actions workflow commands (`::error file=…::…`), which become annotations.
    case github
}

/// Gathers issues up to a cap; rule issues about a feature can be held back until the root's type is known.
struct IssueCollector {
    /// The most issues kept (kept plus held back); later ones are only counted.
    let maxIssues: Int
    /// Issues kept for the report.
    private(set) var issues: [StructureIssue] = []
    /// Issues held back until ``commitHeldBack()`` or ``discardHeldBack()``.
    private(set) var heldBack: [StructureIssue] = []
    /// Issues found beyond the cap, and how many of them are errors.
    private(set) var suppressed = 0
    private(set) var suppressedErrors = 0
    /// Held-back issues that were counted as suppressed (counted only if committed).
    private var heldBackSuppressed = 0
    private var heldBackSuppressedErrors = 0
    /// The feature being read, stamped on issues the parser and tree builder report.
    var featureIndex: Int?

    init(maxIssues: Int) {
        self.maxIssues = max(0, maxIssues)
    }

    /// Adds `issue`, or holds it back when `holdBack` is true.
    mutating func add(_ issue: StructureIssue, holdBack: Bool = false) {
        guard issues.count + heldBack.count < maxIssues else {
            let isError = issue.severity == .error ? 1 : 0
            if holdBack {
                heldBackSuppressed += 1
                heldBackSuppressedErrors += isError
            } else {
                suppressed += 1
                suppressedErrors += isError
            }
            return
        }
        if holdBack { heldBack.append(issue) } else { issues.append(issue) }
    }

    /// Adds an issue built from its parts.
    mutating func add(
        _ rule: String, _ severity: StructureIssue.Severity, _ message: String, line: Int, column: Int,
        path: String, featureIndex: Int?, holdBack: Bool = false
    ) {
        add(
            StructureIssue(
                rule: rule, severity: severity, message: message, line: line, column: column,
                featureIndex: featureIndex, path: path),
            holdBack: holdBack)
    }

    /// Keeps the held-back issues.
    mutating func commitHeldBack() {
        issues.append(contentsOf: heldBack)
        suppressed += heldBackSuppressed
        suppressedErrors += heldBackSuppressedErrors
        heldBack.removeAll()
        heldBackSuppressed = 0
        heldBackSuppressedErrors = 0
    }

    /// Drops the held-back issues (the root turned out not to be a FeatureCollection).
    mutating func discardHeldBack() {
        heldBack.removeAll()
        heldBackSuppressed = 0
        heldBackSuppressedErrors = 0
    }

    /// The kept issues ordered by line and column (stable for equal places).
    func sortedIssues() -> [StructureIssue] {
        issues.enumerated().sorted { a, b in
            if a.element.line != b.element.line { return a.element.line < b.element.line }
            if a.element.column != b.element.column { return a.element.column < b.element.column }
            return a.offset < b.offset
        }.map(\.element)
    }
}

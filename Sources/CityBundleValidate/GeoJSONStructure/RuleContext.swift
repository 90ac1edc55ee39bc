/// What every rule issue about one GeoJSON object carries: the feature it belongs to and whether it
/// waits for the root's type to be known.
struct RuleContext {
    /// The feature's index in `features` or the sequence, stamped on issues.
    var featureIndex: Int?
    /// True while the root's `type` is not known yet (features streamed before it).
    var holdBack: Bool

    /// Reports an issue located at `node`'s first character; `path` is only built when reported.
    func report(
        _ rule: String, _ severity: StructureIssue.Severity, _ message: String, at node: JSONNode,
        path: @autoclosure () -> String,
        into issues: inout IssueCollector
    ) {
        issues.add(
            rule, severity, message, line: node.line, column: node.column, path: path(), featureIndex: featureIndex,
            holdBack: holdBack)
    }
}

/// What the anonymisation stage did to one field: counts and rule names, never a value.
public struct AuditFieldEntry: Sendable, Codable, Equatable {
    /// The rule names of the actions applied (``FieldAction/ruleName``), sorted, without repeats.
    public internal(set) var actions: [String]
    /// How many values the actions were applied to.
    public internal(set) var valuesSeen: Int
    /// How many of them the actions changed (a dropped value counts as changed).
    public internal(set) var valuesChanged: Int
    /// How many could not be generalised and were emptied instead.
    public internal(set) var valuesEmptied: Int
    /// How many pieces of personal information the detectors found (and masked) in the field's text, per kind.
    public internal(set) var detectorHits: [PIIKind: Int]

    /// An entry with nothing recorded.
    public init() {
        actions = []
        valuesSeen = 0
        valuesChanged = 0
        valuesEmptied = 0
        detectorHits = [:]
    }

    /// Adds `ruleName` to ``actions``.
    mutating func addAction(_ ruleName: String) {
        guard !actions.contains(ruleName) else { return }
        actions.append(ruleName)
        actions.sort()
    }

    /// Adds the counts of `other`.
    mutating func add(_ other: AuditFieldEntry) {
        for action in other.actions { addAction(action) }
        valuesSeen += other.valuesSeen
        valuesChanged += other.valuesChanged
        valuesEmptied += other.valuesEmptied
        detectorHits.merge(other.detectorHits, uniquingKeysWith: +)
    }
}

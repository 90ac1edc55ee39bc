/// The record of an anonymisation run for its report: per field, the actions applied and how many values they
/// changed; detector hits per kind; features dropped per reason.
///
/// It holds names and counts only. No method takes a value, actions are recorded by their rule names, and the
/// field names and reasons given are checked: one that looks like personal information (a CSV read without its
/// header row turns its first record into field names) is stored as ``redactedName``, and long ones are cut to
/// ``maximumNameLength`` characters.
public struct AnonymisationAudit: Sendable, Codable, Equatable {
    /// What is recorded in place of a name that contains personal information.
    public static let redactedName = "<redacted>"
    /// The longest name recorded, in characters.
    public static let maximumNameLength = 64

    /// Per field name, what was done.
    public private(set) var fields: [String: AuditFieldEntry]
    /// Per reason (a rule name), how many features were dropped.
    public private(set) var droppedFeatures: [String: Int]

    /// An empty audit.
    public init() {
        fields = [:]
        droppedFeatures = [:]
    }

    /// The detector hits of every field added up, per kind.
    public var detectorHits: [PIIKind: Int] {
        fields.values.reduce(into: [:]) { total, entry in total.merge(entry.detectorHits, uniquingKeysWith: +) }
    }

    /// The number of values changed in all fields.
    public var valuesChanged: Int { fields.values.reduce(0) { $0 + $1.valuesChanged } }

    /// Records that `action` was applied to one value of `field`, whether it `changed` the value, and whether the
    /// value was `emptied` because it could not be generalised.
    public mutating func recordValue(field: String, action: FieldAction, changed: Bool, emptied: Bool = false) {
        let name = Self.safeName(field)
        fields[name, default: AuditFieldEntry()].addAction(action.ruleName)
        fields[name]?.valuesSeen += 1
        if changed { fields[name]?.valuesChanged += 1 }
        if emptied { fields[name]?.valuesEmptied += 1 }
    }

    /// Records detector hits (as returned by ``Masker/maskDetected(in:kinds:fieldName:)``) in `field`.
    public mutating func recordDetections(field: String, hits: [PIIKind: Int]) {
        guard !hits.isEmpty else { return }
        fields[Self.safeName(field), default: AuditFieldEntry()].detectorHits.merge(hits, uniquingKeysWith: +)
    }

    /// Records that `count` features were dropped because of the rule named `reason`.
    public mutating func recordDroppedFeatures(reason: String, count: Int = 1) {
        droppedFeatures[Self.safeName(reason), default: 0] += count
    }

    /// Adds everything `other` recorded (for example another source's or another worker's audit).
    public mutating func merge(from other: AnonymisationAudit) {
        for (name, entry) in other.fields { fields[name, default: AuditFieldEntry()].add(entry) }
        droppedFeatures.merge(other.droppedFeatures, uniquingKeysWith: +)
    }
}

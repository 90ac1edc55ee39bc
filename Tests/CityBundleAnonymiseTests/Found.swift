import CityBundleAnonymise

/// One expected or found match, as its kind and its text.
struct Found: Hashable, Sendable, CustomStringConvertible {
    var kind: PIIKind
    var text: String

    init(_ kind: PIIKind, _ text: String) {
        self.kind = kind
        self.text = text
    }

    var description: String { "\(kind)(\(text))" }

    /// What `detector` finds in `text`.
    static func all(in text: String, fieldName: String? = nil, detector: PIIDetector = PIIDetector()) -> [Found] {
        detector.findAll(in: text, fieldName: fieldName).map { Found($0.kind, String(text.unicodeScalars[$0.range])) }
    }
}

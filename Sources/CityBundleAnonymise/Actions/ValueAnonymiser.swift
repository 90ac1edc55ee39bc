public import CityBundleModel

/// Applies field actions to values and scrubs personal information out of text, recording both in an
/// ``AnonymisationAudit``. This is the per-value core of the anonymisation stage.
///
/// ```swift
/// let anonymiser = ValueAnonymiser(key: try PseudonymKey.load(environment: "CB_PSEUDONYM_KEY", file: nil))
/// var audit = AnonymisationAudit()
/// let phone = try anonymiser.apply(.mask, to: .string("13812345678"), field: "phone", audit: &audit)
/// // .string("138****5678")
/// ```
public struct ValueAnonymiser: Sendable {
    /// Masks values and detected personal information.
    public let masker: Masker
    /// Generalises values.
    public let generaliser: Generaliser
    /// Pseudonymises values; nil when no key was loaded.
    public let pseudonymiser: Pseudonymiser?

    /// An anonymiser; without `key`, ``FieldAction/pseudonymise`` throws.
    public init(key: PseudonymKey? = nil, detector: PIIDetector = PIIDetector()) {
        masker = Masker(detector: detector)
        generaliser = Generaliser()
        pseudonymiser = key.map(Pseudonymiser.init(key:))
    }

    /// `value` of `field` after `action`, or nil when the field is to be removed.
    ///
    /// - Throws: ``AnonymiseError`` (`.usage`) for `pseudonymise` without a key, or an impossible generalisation.
    public func apply(_ action: FieldAction, to value: Value, field: String, audit: inout AnonymisationAudit)
        throws(AnonymiseError) -> Value?
    {
        let result: Value?
        var emptied = false
        switch action {
        case .keep:
            result = value
        case .drop:
            result = nil
        case .pseudonymise:
            guard let pseudonymiser else {
                throw AnonymiseError(
                    subject: "field '\(field)'",
                    message: "is to be pseudonymised but no pseudonymisation key is loaded",
                    hint: "give the key through an environment variable or a key file")
            }
            result = value.textValue.map { .string(pseudonymiser.pseudonym(for: $0)) } ?? value
        case .mask:
            result = value.textValue.map { .string(maskWhole($0, field: field)) } ?? value
        case .generalise(let rule):
            let generalised = try generaliser.generalise(value, with: rule)
            result = generalised.value
            emptied = generalised.emptied
        }
        let changed = result.map { $0 != value } ?? (value != .null)
        audit.recordValue(field: field, action: action, changed: changed, emptied: emptied)
        return result
    }

    /// `value` with every piece of personal information of `kinds` in its text masked; other values unchanged.
    /// The hits are recorded for `field`.
    public func scrub(
        _ value: Value, field: String, kinds: Set<PIIKind> = Set(PIIKind.allCases), audit: inout AnonymisationAudit
    ) -> Value {
        guard case .string(let text) = value else { return value }
        let (masked, hits) = masker.maskDetected(in: text, kinds: kinds, fieldName: field)
        audit.recordDetections(field: field, hits: hits)
        return hits.isEmpty ? value : .string(masked)
    }

    /// `text` masked as a whole: in the format of its kind when the whole text is one piece of personal
    /// information, otherwise as arbitrary text.
    func maskWhole(_ text: String, field: String) -> String {
        let matches = masker.detector.findAll(in: text, fieldName: field)
        if matches.count == 1, let match = matches.first, match.range == text.startIndex..<text.endIndex {
            return masker.mask(text, kind: match.kind)
        }
        return masker.mask(text, kind: nil)
    }
}

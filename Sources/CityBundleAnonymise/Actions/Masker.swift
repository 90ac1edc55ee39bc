/// Hides most of a value's characters with `*`, keeping just enough to recognise its shape.
///
/// | kind | example |
/// |---|---|
/// | mobile | `13812345678` → `138****5678` (a country code and separators are kept: `+86 138 **** 5678`) |
/// | landline | `027-87654321` → `027-****4321` (area code and last 4 digits kept, extension hidden) |
/// | residentID, legacyResidentID | `420106199001011234` → `420106********1234` |
/// | email | `zhang.san@whu.edu.cn` → `z***@whu.edu.cn` |
/// | licencePlate | `鄂A12345` → `鄂A*****` |
/// | bankCard | `6222021234567890` → `************7890` |
/// | passport | `E12345678` → `E********` |
/// | none | `张三丰` → `张*丰`; all but the first and last character, and all but the first of two |
public struct Masker: Sendable {
    /// The detector used by ``maskDetected(in:kinds:fieldName:)``.
    public let detector: PIIDetector

    /// A masker detecting with `detector`.
    public init(detector: PIIDetector = PIIDetector()) {
        self.detector = detector
    }

    /// `text` masked in the format of `kind`, or as arbitrary text when `kind` is nil or `text` does not have the
    /// shape of `kind` (for example too few digits).
    public func mask(_ text: String, kind: PIIKind?) -> String {
        let scalars = Array(text.unicodeScalars)
        let masked: [Unicode.Scalar]?
        switch kind {
        case nil: masked = nil
        case .mobile: masked = Self.maskMobile(scalars)
        case .landline: masked = Self.maskLandline(scalars)
        case .residentID, .legacyResidentID: masked = Self.keepEnds(scalars, first: 6, last: 4)
        case .email: masked = Self.maskEmail(scalars)
        case .licencePlate: masked = Self.maskPlate(scalars)
        case .bankCard: masked = Self.maskDigits(scalars) { digit, count in digit >= count - 4 }
        case .passport: masked = Self.keepEnds(scalars, first: 1, last: 0)
        }
        if let masked { return String(String.UnicodeScalarView(masked)) }
        return Self.maskText(text)
    }

    /// `text` with every detected piece of personal information of `kinds` masked in its kind's format, and how
    /// many pieces of each kind were masked. `fieldName` is the field the text comes from (see
    /// ``PIIDetector/findAll(in:fieldName:)``).
    ///
    /// The result holds nothing the detector would flag: masking one piece can expose another that overlapped it
    /// (a phone number in an e-mail address's domain, an address whose local part a card number hid), so the
    /// output is scanned again until it is clean. Those later finds count as hits too.
    public func maskDetected(in text: String, kinds: Set<PIIKind>, fieldName: String? = nil) -> (
        String, hits: [PIIKind: Int]
    ) {
        let detector = detector.restricted(to: kinds)
        var current = text
        var hits: [PIIKind: Int] = [:]
        var pass = 0
        while true {
            let matches = detector.findAll(in: current, fieldName: fieldName)
            if matches.isEmpty { return (current, hits) }
            for match in matches { hits[match.kind, default: 0] += 1 }
            // Each pass turns at least one letter or digit into `*`; after a few, hide whole spans so it must end.
            current = replacing(matches, in: current, wholly: pass >= Self.formattedPasses)
            pass += 1
        }
    }

    /// How many passes of ``maskDetected(in:kinds:fieldName:)`` use the kinds' formats.
    static let formattedPasses = 4

    /// `text` with `matches` masked in their kinds' formats, or replaced by `*` entirely when `wholly`.
    func replacing(_ matches: [PIIMatch], in text: String, wholly: Bool) -> String {
        var output = String.UnicodeScalarView()
        var position = text.startIndex
        for match in matches {
            output.append(contentsOf: text.unicodeScalars[position..<match.range.lowerBound])
            let span = text.unicodeScalars[match.range]
            if wholly {
                output.append(contentsOf: repeatElement(Unicode.Scalar("*"), count: span.count))
            } else {
                output.append(contentsOf: mask(String(span), kind: match.kind).unicodeScalars)
            }
            position = match.range.upperBound
        }
        output.append(contentsOf: text.unicodeScalars[position...])
        return String(output)
    }

    /// Arbitrary text masked: every character but the first and the last becomes `*`; of a two-character text
    /// only the first is kept (a two-character Chinese name must not survive whole), and a single character
    /// becomes `*`.
    static func maskText(_ text: String) -> String {
        let characters = Array(text)
        switch characters.count {
        case 0: return ""
        case 1: return "*"
        case 2: return String(characters[0]) + "*"
        default:
            return String(characters[0]) + String(repeating: "*", count: characters.count - 2)
                + String(characters[characters.count - 1])
        }
    }
}

/// Finds personal information inside text: phone numbers, identity numbers, e-mail addresses, licence plates,
/// bank cards and passports, also when they are embedded in Chinese sentences.
///
/// The detector is a hand-written scanner over the text's Unicode scalars (full-width digits and letters are
/// folded to ASCII first): every rule looks a bounded distance ahead of each position, so the time is linear in
/// the length of the text and no input can make it backtrack. Each rule's file documents exactly what it
/// accepts.
///
/// ```swift
/// let detector = PIIDetector()
/// for match in detector.findAll(in: "请联系张先生13812345678或027-87654321") {
///     print(match.kind)  // mobile, landline
/// }
/// ```
public struct PIIDetector: Sendable {
    /// The kinds this detector looks for.
    public let kinds: Set<PIIKind>
    /// The latest birth date an identity number may carry (today, China Standard Time, when created).
    let latestBirthDate: CalendarDay

    /// A detector for `kinds` (all of them by default).
    public init(kinds: Set<PIIKind> = Set(PIIKind.allCases)) {
        self.init(kinds: kinds, latestBirthDate: .today)
    }

    /// A detector with an explicit latest birth date.
    init(kinds: Set<PIIKind>, latestBirthDate: CalendarDay) {
        self.kinds = kinds
        self.latestBirthDate = latestBirthDate
    }

    /// The same detector restricted to `kinds`.
    func restricted(to kinds: Set<PIIKind>) -> PIIDetector {
        PIIDetector(kinds: self.kinds.intersection(kinds), latestBirthDate: latestBirthDate)
    }

    /// Every piece of personal information in `text`, in order, without overlaps (the longest match wins, then
    /// the most specific kind). Passport numbers need a context word nearby.
    public func findAll(in text: String) -> [PIIMatch] {
        findAll(in: text, fieldName: nil)
    }

    /// Every piece of personal information in `text`, a value of the field `fieldName`.
    ///
    /// A field whose name says it holds passports (`passport`, `huzhao`, `护照号`, …) has its passport numbers
    /// flagged without a context word.
    public func findAll(in text: String, fieldName: String?) -> [PIIMatch] {
        guard !kinds.isEmpty, Self.mayContainPII(text) else { return [] }
        let scanned = ScannedText(text)
        var candidates: [Candidate] = []
        for kind in PIIKind.allCases where kinds.contains(kind) {
            scan(scanned, for: kind, fieldName: fieldName, into: &candidates)
        }
        return CandidateResolver.resolve(candidates).map {
            PIIMatch(kind: $0.kind, range: scanned.indices[$0.lower]..<scanned.indices[$0.upper])
        }
    }

    /// Runs the rule for `kind`.
    private func scan(_ text: ScannedText, for kind: PIIKind, fieldName: String?, into candidates: inout [Candidate]) {
        switch kind {
        case .mobile: MobileRule.scan(text, into: &candidates)
        case .landline: LandlineRule.scan(text, into: &candidates)
        case .residentID: ResidentIDRule.scan(text, latestBirthDate: latestBirthDate, into: &candidates)
        case .legacyResidentID: LegacyResidentIDRule.scan(text, into: &candidates)
        case .email: EmailRule.scan(text, into: &candidates)
        case .licencePlate: LicencePlateRule.scan(text, into: &candidates)
        case .bankCard: BankCardRule.scan(text, into: &candidates)
        case .passport:
            let needsContext = !(fieldName.map(PassportRule.fieldNameSuggestsPassport) ?? false)
            PassportRule.scan(text, needsContext: needsContext, into: &candidates)
        }
    }

    /// Whether `text` has a digit or an `@` (ASCII or full-width): every kind needs one, so text without any is
    /// skipped without being scanned.
    static func mayContainPII(_ text: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            if (0x30...0x39).contains(byte) || byte == 0x40 { return true }
            // U+FF10–U+FF19 (full-width digits) and U+FF20 (＠) are EF BC 90–99 and EF BC A0.
            if previous == (0xEF, 0xBC) && ((0x90...0x99).contains(byte) || byte == 0xA0) { return true }
            previous = (previous.1, byte)
        }
        return false
    }
}

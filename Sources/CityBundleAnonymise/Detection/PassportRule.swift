/// Chinese passport numbers: `E` or `G` and eight digits (`E12345678`), or `E`, a letter and seven digits
/// (`EA1234567`).
///
/// Such codes look like product or part numbers, so they are flagged only when a context word (护照, passport,
/// 证件号) ends at most ten characters before them, or when the field itself holds passports.
enum PassportRule {
    /// The context words, compared case-insensitively.
    static let contextWords = ["护照", "passport", "证件号"]
    /// How many characters may separate a context word from the number.
    static let contextDistance = 10

    /// Appends every passport number in `text`; `needsContext` false when the field name already says passport.
    static func scan(_ text: ScannedText, needsContext: Bool, into candidates: inout [Candidate]) {
        var i = 0
        while i + 9 <= text.count {
            defer { i += 1 }
            let first = text[i]
            guard first == 0x45 || first == 0x47, text.isBoundary(before: i) else { continue }
            let second = text[i + 1]
            let eightDigits = text.digitRun(from: i + 1) == 8
            let letterThenSeven =
                first == 0x45 && second >= 0x41 && second <= 0x5A && second != 0x49 && second != 0x4F
                && text.digitRun(from: i + 2) == 7
            guard eightDigits || letterThenSeven, text.isBoundary(after: i + 9) else { continue }
            guard !needsContext || hasContext(text, before: i) else { continue }
            candidates.append(Candidate(kind: .passport, lower: i, upper: i + 9))
        }
    }

    /// Whether a context word ends within ``contextDistance`` characters before `start`.
    static func hasContext(_ text: ScannedText, before start: Int) -> Bool {
        for word in contextWords {
            let length = word.unicodeScalars.count
            let earliest = max(0, start - contextDistance - length)
            guard start - length >= earliest else { continue }
            for position in earliest...(start - length) where text.hasPrefix(word, at: position) {
                return true
            }
        }
        return false
    }

    /// Whether a field's name says it holds passport numbers (`passport`, `passport_no`, `huzhao`, `护照号`).
    static func fieldNameSuggestsPassport(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered.contains("passport") || lowered.contains("huzhao") || lowered.contains("护照")
    }
}

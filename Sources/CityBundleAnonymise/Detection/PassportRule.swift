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
        // Byte search on UTF-8 with ASCII case folding: this runs for every scanned value, and
        // Foundation's lowercased()/contains() dominated the detector's time.
        let bytes = Array(name.utf8).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        return passportHints.contains { hint in containsBytes(bytes, hint) }
    }

    private static let passportHints: [[UInt8]] = ["passport", "huzhao", "护照"].map { Array($0.utf8) }

    private static func containsBytes(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}

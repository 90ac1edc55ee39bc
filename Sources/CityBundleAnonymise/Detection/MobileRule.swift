/// Mainland mobile numbers: 11 digits starting `13`–`19`.
///
/// Accepted forms: `13812345678`, `138 1234 5678`, `138-1234-5678` (a space or hyphen after the third and/or the
/// seventh digit), optionally after `+86`, `0086` or `86` and one optional space or hyphen. The number must not
/// touch an ASCII letter or digit, nor be the fraction of a decimal number.
enum MobileRule {
    /// Appends every mobile number in `text`.
    static func scan(_ text: ScannedText, into candidates: inout [Candidate]) {
        var i = 0
        while i + 11 <= text.count {
            let value = text[i]
            if (value == 0x2B || ScannedText.isDigit(value)) && text.isBoundary(before: i),
                let end = match(text, at: i)
            {
                candidates.append(Candidate(kind: .mobile, lower: i, upper: end))
            }
            i += 1
        }
    }

    /// The end of the mobile number starting at `i` (with its country prefix, if any), or nil.
    static func match(_ text: ScannedText, at i: Int) -> Int? {
        for prefix in ["+86", "0086", "86"] where text.hasPrefix(prefix, at: i) {
            var start = i + prefix.unicodeScalars.count
            if ScannedText.isGroupSeparator(text[start]) { start += 1 }
            if let end = national(text, at: start) { return end }
        }
        return text[i] == 0x2B ? nil : national(text, at: i)
    }

    /// The end of the 11-digit national number starting at `i`, or nil.
    static func national(_ text: ScannedText, at i: Int) -> Int? {
        guard text[i] == 0x31, (0x33...0x39).contains(text[i + 1]), text.isDigit(at: i + 2) else { return nil }
        var j = i + 3
        for groupLength in [4, 4] {
            if ScannedText.isGroupSeparator(text[j]) && text.isDigit(at: j + 1) { j += 1 }
            guard text.digitRun(from: j) >= groupLength else { return nil }
            j += groupLength
        }
        return text.isBoundary(after: j) ? j : nil
    }
}

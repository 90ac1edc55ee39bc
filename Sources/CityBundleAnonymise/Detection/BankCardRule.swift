/// Bank card numbers: 16–19 digits that pass the Luhn check and start like a card.
///
/// Accepted forms: the digits alone, or groups of four separated by single spaces or hyphens (the same one
/// throughout), the last group 1–4 digits (`6222 0212 3456 7890 123`). A grouped number must not continue with
/// another group on either side. Accepted starts: `3`, `4`, `5`, `6`, `9` (UnionPay `62`, Visa `4`,
/// Mastercard `51`–`55`, JCB `35`, Discover `6`, older domestic `9`) and Mastercard `2221`–`2720`.
enum BankCardRule {
    /// Appends every card number in `text`.
    static func scan(_ text: ScannedText, into candidates: inout [Candidate]) {
        var i = 0
        while i + 16 <= text.count {
            let run = text.digitRun(from: i)
            guard run > 0 else {
                i += 1
                continue
            }
            defer { i += run }
            guard text.isBoundary(before: i) else { continue }
            let end = run >= 16 ? contiguousEnd(text, at: i, run: run) : groupedEnd(text, at: i, firstGroup: run)
            guard let end else { continue }
            let digits = (i..<end).filter { text.isDigit(at: $0) }.map { Int(text[$0] - 0x30) }
            guard hasCardPrefix(digits), Checksum.luhnIsValid(digits) else { continue }
            candidates.append(Candidate(kind: .bankCard, lower: i, upper: end))
        }
    }

    /// The end of an ungrouped card number of `run` digits at `i`, or nil.
    static func contiguousEnd(_ text: ScannedText, at i: Int, run: Int) -> Int? {
        run <= 19 && text.isBoundary(after: i + run) ? i + run : nil
    }

    /// The end of a card number written in groups of four starting at `i`, or nil.
    static func groupedEnd(_ text: ScannedText, at i: Int, firstGroup: Int) -> Int? {
        guard firstGroup == 4, ScannedText.isGroupSeparator(text[i + 4]) else { return nil }
        if ScannedText.isGroupSeparator(text[i - 1]) && text.isDigit(at: i - 2) { return nil }
        let separator = text[i + 4]
        var total = 4
        var j = i + 4
        var lastGroup = 4
        while text[j] == separator && text.isDigit(at: j + 1) {
            guard lastGroup == 4 else { return nil }
            lastGroup = text.digitRun(from: j + 1)
            total += lastGroup
            j += 1 + lastGroup
            guard total <= 19 else { return nil }
        }
        if ScannedText.isGroupSeparator(text[j]) && text.isDigit(at: j + 1) { return nil }
        guard total >= 16, lastGroup <= 4, text.isBoundary(after: j) else { return nil }
        return j
    }

    /// Whether the number starts like a payment card.
    static func hasCardPrefix(_ digits: [Int]) -> Bool {
        switch digits.first {
        case 3, 4, 5, 6, 9: return true
        case 2:
            let four = digits.prefix(4).reduce(0) { $0 * 10 + $1 }
            return (2221...2720).contains(four)
        default: return false
        }
    }
}

/// Fixed-line numbers with an area code.
///
/// Accepted: an area code `010`, `02x` or `0[3-9]xx`, in parentheses or not (`(027)88888888`), or after `+86` /
/// `0086` without its leading zero (`0086-27-88888888`); then an optional space or hyphen; then a local number of
/// 7–8 digits starting 2–9, whole or split once (`8888 8888`, `888-8888`); then optionally an extension of 1–6
/// digits after `-`, `转`, `分机`, `ext`, `x` or `#`. A local number without an area code is not flagged: it is
/// indistinguishable from an ordinary 7–8 digit number.
enum LandlineRule {
    /// Appends every fixed-line number in `text`.
    static func scan(_ text: ScannedText, into candidates: inout [Candidate]) {
        var i = 0
        while i + 10 <= text.count {
            let value = text[i]
            if value == 0x30 || value == 0x28 || value == 0x2B, text.isBoundary(before: i),
                let layout = parse(text, at: i)
            {
                candidates.append(Candidate(kind: .landline, lower: i, upper: layout.end))
            }
            i += 1
        }
    }

    /// The layout of the fixed-line number starting at `i`, or nil.
    static func parse(_ text: ScannedText, at i: Int) -> LandlineLayout? {
        var j = i
        var parenthesised = false
        if text.hasPrefix("+86", at: j) || text.hasPrefix("0086", at: j) {
            j += text[j] == 0x2B ? 3 : 4
            if ScannedText.isGroupSeparator(text[j]) { j += 1 }
            guard let length = areaCodeLength(text, at: j, leadingZero: false) else { return nil }
            j += length
        } else {
            parenthesised = text[j] == 0x28
            if parenthesised { j += 1 }
            guard let length = areaCodeLength(text, at: j, leadingZero: true) else { return nil }
            j += length
            if parenthesised {
                guard text[j] == 0x29 else { return nil }
                j += 1
            }
        }
        let areaCodeEnd = j
        if parenthesised ? text[j] == 0x20 : ScannedText.isGroupSeparator(text[j]) { j += 1 }
        guard let localEnd = localNumberEnd(text, at: j) else { return nil }
        let end = extensionEnd(text, at: localEnd) ?? localEnd
        guard text.isBoundary(after: end) else { return nil }
        return LandlineLayout(areaCodeEnd: areaCodeEnd, localEnd: localEnd, end: end)
    }

    /// The length of the area code at `i`: `010`, `02x`, `0[3-9]xx` (without the `0` after a country code).
    static func areaCodeLength(_ text: ScannedText, at i: Int, leadingZero: Bool) -> Int? {
        var j = i
        if leadingZero {
            guard text[j] == 0x30 else { return nil }
            j += 1
        }
        let length: Int
        switch text[j] {
        case 0x31: length = text[j + 1] == 0x30 ? 2 : 0
        case 0x32: length = 2
        case 0x33...0x39: length = 3
        default: length = 0
        }
        guard length > 0, text.digitRun(from: j) >= length else { return nil }
        return j + length - i
    }

    /// The end of a 7–8 digit local number starting 2–9 at `i`, whole or split once by a space or hyphen.
    static func localNumberEnd(_ text: ScannedText, at i: Int) -> Int? {
        guard (0x32...0x39).contains(text[i]) else { return nil }
        let first = text.digitRun(from: i)
        if (7...8).contains(first) { return i + first }
        guard (3...4).contains(first), ScannedText.isGroupSeparator(text[i + first]) else { return nil }
        let second = text.digitRun(from: i + first + 1)
        return second == 4 ? i + first + 1 + second : nil
    }

    /// The end of an extension starting at `i`, or nil when there is none.
    static func extensionEnd(_ text: ScannedText, at i: Int) -> Int? {
        var j = i
        if text[j] == 0x20 && !text.isDigit(at: j + 1) { j += 1 }
        if text[j] == 0x2D || text[j] == 0x23 || text[j] == 0x8F6C {  // - # 转
            j += 1
        } else if text[j] == 0x5206 && text[j + 1] == 0x673A {  // 分机
            j += 2
        } else if text.hasPrefix("ext", at: j) {
            j += 3
            if text[j] == 0x2E { j += 1 }
        } else if text[j] | 0x20 == 0x78 {  // x
            j += 1
        } else {
            return nil
        }
        if text[j] == 0x20 || text[j] == 0x3A { j += 1 }
        let digits = text.digitRun(from: j)
        guard (1...6).contains(digits), text.isBoundary(after: j + digits) else { return nil }
        return j + digits
    }
}

/// E-mail addresses, found from each `@` outwards.
///
/// The local part is the run of `A–Z a–z 0–9 . _ % + -` before the `@` (so Chinese text may touch it:
/// `联系邮箱zhang.san+gis@whu.edu.cn谢谢`), from after its last `..` and without leading dots. The domain is two or more labels of letters,
/// digits and inner hyphens, ending in a top-level label of two or more letters (or `xn--…`); when the last label
/// is glued to more ASCII text (`whu.edu.cn2024`), the address ends at the last label that qualifies. Quoted local
/// parts, IP literals and other rarely used RFC 5322 characters are not recognised. In a chain such as
/// `a@b.cn@c.cn` the part after an address's domain is not another address.
enum EmailRule {
    /// Appends every address in `text`.
    static func scan(_ text: ScannedText, into candidates: inout [Candidate]) {
        var previousEnd = 0
        for at in 0..<text.count where text[at] == 0x40 {
            guard let start = localPartStart(text, at: at), start >= previousEnd,
                let end = domainEnd(text, at: at)
            else { continue }
            candidates.append(Candidate(kind: .email, lower: start, upper: end))
            previousEnd = end
        }
    }

    /// Whether `value` may appear in the local part.
    static func isLocalCharacter(_ value: UInt32) -> Bool {
        ScannedText.isAlphanumeric(value) || value == 0x2E || value == 0x5F || value == 0x25 || value == 0x2B
            || value == 0x2D
    }

    /// The start of the local part ending at `at`, or nil when it is empty or malformed.
    static func localPartStart(_ text: ScannedText, at: Int) -> Int? {
        var start = at
        while start > 0 && isLocalCharacter(text[start - 1]) && !(text[start - 1] == 0x2E && text[start] == 0x2E) {
            start -= 1
        }
        while start < at && text[start] == 0x2E { start += 1 }
        guard start < at, text[at - 1] != 0x2E else { return nil }
        return start
    }

    /// The end of the domain after `at`, or nil.
    static func domainEnd(_ text: ScannedText, at: Int) -> Int? {
        var labelStart = at + 1
        var labels = 0
        var best: Int?
        while true {
            var j = labelStart
            while ScannedText.isAlphanumeric(text[j]) || text[j] == 0x2D { j += 1 }
            let length = j - labelStart
            guard (1...63).contains(length), text[labelStart] != 0x2D, text[j - 1] != 0x2D else { break }
            labels += 1
            if labels >= 2 && isTopLevel(text, from: labelStart, to: j) { best = j }
            guard text[j] == 0x2E else { break }
            labelStart = j + 1
        }
        guard let best, text.isBoundary(after: best) || text[best] == 0x2E else { return nil }
        return best
    }

    /// Whether the label `from..<to` can be a top-level domain: two or more letters, or an IDN `xn--` label.
    static func isTopLevel(_ text: ScannedText, from: Int, to: Int) -> Bool {
        if text.hasPrefix("xn--", at: from) && to - from > 4 { return true }
        return to - from >= 2 && (from..<to).allSatisfy { ScannedText.isLetter(text[$0]) }
    }
}

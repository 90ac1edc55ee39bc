/// 18-character resident identity numbers (GB 11643-1999).
///
/// Accepted: a province code, four more region digits, a birth date `yyyymmdd` from 1900-01-01 to today, a
/// three-digit sequence and a check character (`0`–`9`, `X` or `x`) that verifies. The 18 characters must stand
/// alone: no ASCII letter or digit touches them. A wrong check character means it is not an identity number.
enum ResidentIDRule {
    /// Appends every identity number in `text`.
    static func scan(_ text: ScannedText, latestBirthDate: CalendarDay, into candidates: inout [Candidate]) {
        var i = 0
        while i + 18 <= text.count {
            let run = text.digitRun(from: i)
            guard run > 0 else {
                i += 1
                continue
            }
            defer { i += run }
            guard text.isBoundary(before: i) else { continue }
            let isDigitCheck = run == 18
            let isLetterCheck = run == 17 && (text[i + 17] | 0x20) == 0x78
            guard isDigitCheck || isLetterCheck, text.isBoundary(after: i + 18) else { continue }
            guard isValid(text, at: i, latestBirthDate: latestBirthDate) else { continue }
            candidates.append(Candidate(kind: .residentID, lower: i, upper: i + 18))
        }
    }

    /// Whether the 18 scalars at `i` have a valid region, birth date and check character.
    static func isValid(_ text: ScannedText, at i: Int, latestBirthDate: CalendarDay) -> Bool {
        guard RegionCode.isProvince(text, at: i) else { return false }
        guard
            let birth = CalendarDay(
                year: text.number(at: i + 6, length: 4), month: text.number(at: i + 10, length: 2),
                day: text.number(at: i + 12, length: 2)),
            birth.value >= 19_000_101, birth <= latestBirthDate
        else { return false }
        return Checksum.residentIDIsValid(text, at: i)
    }
}

/// 15-digit first-generation resident identity numbers (issued until 2004).
///
/// Accepted: exactly 15 digits standing alone, a province code, four more region digits, a birth date `yymmdd`
/// read as 19yy that exists, and a three-digit sequence. There is no check digit, so the region and date are
/// the only evidence.
enum LegacyResidentIDRule {
    /// Appends every legacy identity number in `text`.
    static func scan(_ text: ScannedText, into candidates: inout [Candidate]) {
        var i = 0
        while i + 15 <= text.count {
            let run = text.digitRun(from: i)
            guard run > 0 else {
                i += 1
                continue
            }
            defer { i += run }
            guard run == 15, text.isBoundary(before: i), text.isBoundary(after: i + 15) else { continue }
            guard RegionCode.isProvince(text, at: i) else { continue }
            let birth = CalendarDay(
                year: 1900 + text.number(at: i + 6, length: 2), month: text.number(at: i + 8, length: 2),
                day: text.number(at: i + 10, length: 2))
            guard birth != nil else { continue }
            candidates.append(Candidate(kind: .legacyResidentID, lower: i, upper: i + 15))
        }
    }
}

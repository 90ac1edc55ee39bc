internal import CityBundleModel

/// Cutting dates to the month or the year.
extension Generaliser {
    /// The year and month of a date in `text` as `yyyy-MM` (`keepMonth`) or `yyyy`; nil when it is not a date.
    ///
    /// Accepted: `2023`, `2023-05`, `2023-05-17`, with `/` or `.` instead of `-` and one-digit months and days,
    /// optionally followed by `T` or a space and a time (`2023-05-17T08:00:00+08:00`); and `2023年`,
    /// `2023年5月`, `2023年5月17日` followed by anything. The month and day must exist.
    static func date(_ text: String, keepMonth: Bool) -> String? {
        guard let (year, month) = parseDate(ScannedText(text.trimmingSpaces)) else { return nil }
        let yearText = String(year)
        guard keepMonth, let month else { return yearText }
        return yearText + (month < 10 ? "-0" : "-") + String(month)
    }

    /// The year and month (nil for a bare year) of the date `text`.
    static func parseDate(_ text: ScannedText) -> (Int, Int?)? {
        guard text.digitRun(from: 0) == 4 else { return nil }
        let year = text.number(at: 0, length: 4)
        guard year >= 1000 else { return nil }
        if text.count == 4 { return (year, nil) }
        let separator = text[4]
        if separator == 0x5E74 { return chineseDate(text, year: year) }  // 年
        guard separator == 0x2D || separator == 0x2F || separator == 0x2E else { return nil }
        let monthDigits = text.digitRun(from: 5)
        guard (1...2).contains(monthDigits) else { return nil }
        let month = text.number(at: 5, length: monthDigits)
        var j = 5 + monthDigits
        guard (1...12).contains(month) else { return nil }
        if j == text.count { return (year, month) }
        guard text[j] == separator else { return nil }
        let dayDigits = text.digitRun(from: j + 1)
        guard (1...2).contains(dayDigits),
            CalendarDay(year: year, month: month, day: text.number(at: j + 1, length: dayDigits)) != nil
        else { return nil }
        j += 1 + dayDigits
        let timeFollows = (text[j] == 0x54 || text[j] == 0x74 || text[j] == 0x20) && text.isDigit(at: j + 1)
        return j == text.count || timeFollows ? (year, month) : nil
    }

    /// The year and month of `2023年5月17日…` (spaces allowed around the numbers), the `年` at offset 4.
    static func chineseDate(_ text: ScannedText, year: Int) -> (Int, Int?)? {
        var j = skipSpace(text, from: 5)
        let monthDigits = text.digitRun(from: j)
        guard monthDigits > 0 else { return (year, nil) }
        guard monthDigits <= 2 else { return nil }
        let month = text.number(at: j, length: monthDigits)
        j = skipSpace(text, from: j + monthDigits)
        guard (1...12).contains(month), text[j] == 0x6708 else { return nil }  // 月
        j = skipSpace(text, from: j + 1)
        let dayDigits = text.digitRun(from: j)
        guard dayDigits > 0 else { return (year, month) }
        let marker = text[skipSpace(text, from: j + dayDigits)]
        guard dayDigits <= 2, marker == 0x65E5 || marker == 0x53F7,  // 日 号
            CalendarDay(year: year, month: month, day: text.number(at: j, length: dayDigits)) != nil
        else { return nil }
        return (year, month)
    }

    /// The offset of the first scalar at or after `i` that is not a space.
    static func skipSpace(_ text: ScannedText, from i: Int) -> Int {
        var j = i
        while text[j] == 0x20 { j += 1 }
        return j
    }
}

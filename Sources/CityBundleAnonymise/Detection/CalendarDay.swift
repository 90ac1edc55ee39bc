internal import Foundation

/// A Gregorian calendar day as `yyyymmdd`, used to check birth dates inside identity numbers.
struct CalendarDay: Comparable, Sendable {
    /// The day as the number `yyyymmdd`.
    var value: Int

    /// The day from its parts; nil when the date does not exist.
    init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year) else { return nil }
        value = year * 10_000 + month * 100 + day
    }

    /// Today in China Standard Time (UTC+8, which has no daylight saving).
    static var today: CalendarDay {
        let days = Int((Date().timeIntervalSince1970 + 8 * 3600) / 86_400)
        return civil(fromDaysSinceEpoch: days)
    }

    /// The number of days in `month` of `year`.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    static func civil(fromDaysSinceEpoch days: Int) -> CalendarDay {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return CalendarDay(year: year, month: month, day: day) ?? CalendarDay(unchecked: 19_700_101)
    }

    /// A day from an already valid `yyyymmdd` number.
    private init(unchecked value: Int) {
        self.value = value
    }

    static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool { lhs.value < rhs.value }
}

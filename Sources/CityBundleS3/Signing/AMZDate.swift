import Foundation

/// The two UTC date forms SigV4 uses: `20150830T123600Z` (`x-amz-date`) and `20150830` (the credential scope).
struct AMZDate {
    /// `YYYYMMDD'T'HHMMSS'Z'`.
    let timestamp: String
    /// `YYYYMMDD`.
    let day: String

    init(_ date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func padded(_ value: Int?, _ width: Int) -> String {
            let digits = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        day = padded(parts.year, 4) + padded(parts.month, 2) + padded(parts.day, 2)
        timestamp = day + "T" + padded(parts.hour, 2) + padded(parts.minute, 2) + padded(parts.second, 2) + "Z"
    }
}

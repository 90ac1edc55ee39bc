public import Foundation

/// RFC 3339 timestamps in UTC with whole seconds (`2026-11-25T08:30:00Z`), as every published document writes them.
public enum Timestamp {
    /// `date` as `YYYY-MM-DDTHH:MM:SSZ`.
    public static func string(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }

    /// Parses a timestamp written by `string(_:)` (or any RFC 3339 UTC time); nil when it is not one.
    public static func date(_ text: String) -> Date? {
        try? Date(text, strategy: Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }
}

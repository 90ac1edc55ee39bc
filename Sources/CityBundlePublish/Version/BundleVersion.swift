public import Foundation

/// A bundle version: dot-separated non-negative integers such as `2026.11.25` or `2026.11.25.1`.
///
/// Versions compare as dotted numbers, component by component, and a version that extends another is newer:
/// `2026.11.25` < `2026.11.25.1` < `2026.11.26` < `2026.12.1`. Equality is numeric too (`2026.11.05` equals
/// `2026.11.5`); the text as written names the version's directory.
public struct BundleVersion: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    /// The numbers between the dots.
    public let components: [Int]
    /// The version as written, e.g. `2026.11.25.1`.
    public let text: String

    /// Parses `text`; nil unless it is 1 to 8 dot-separated groups of 1 to 9 digits.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...8).contains(parts.count) else { return nil }
        var numbers: [Int] = []
        for part in parts {
            guard (1...9).contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(part)
            else { return nil }
            numbers.append(number)
        }
        self.components = numbers
        self.text = text
    }

    /// Decodes a version from its text.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let version = BundleVersion(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a dotted-number version")
        }
        self = version
    }

    /// Encodes the version as its text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    /// The version as written.
    public var description: String { text }

    /// Numeric equality of the components.
    public static func == (lhs: BundleVersion, rhs: BundleVersion) -> Bool {
        lhs.components == rhs.components
    }

    /// Hashes the components, consistently with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(components)
    }

    /// Component-wise numeric order; a prefix is older than its extensions.
    public static func < (lhs: BundleVersion, rhs: BundleVersion) -> Bool {
        lhs.components.lexicographicallyPrecedes(rhs.components)
    }

    /// The date-based version for `date` in `timeZone`: `YYYY.MM.DD` for the day's first version, then
    /// `YYYY.MM.DD.1`, `YYYY.MM.DD.2`, … when `existing` already holds versions of that day.
    public static func dated(_ date: Date, timeZone: TimeZone, existing: [BundleVersion]) -> BundleVersion {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let day = calendar.dateComponents([.year, .month, .day], from: date)
        let (year, month, dayOfMonth) = (day.year ?? 1970, day.month ?? 1, day.day ?? 1)
        let base = [year, month, dayOfMonth]
        let sameDay = existing.filter { Array($0.components.prefix(3)) == base && $0.components.count <= 4 }
        func padded(_ number: Int, _ width: Int) -> String {
            let digits = String(number)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let baseText = "\(padded(year, 4)).\(padded(month, 2)).\(padded(dayOfMonth, 2))"
        guard !sameDay.isEmpty else { return BundleVersion(baseText)! }
        let highestSuffix = sameDay.map { $0.components.count == 4 ? $0.components[3] : 0 }.max() ?? 0
        return BundleVersion("\(baseText).\(highestSuffix + 1)")!
    }
}

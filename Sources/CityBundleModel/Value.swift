/// An attribute value as it leaves a source: JSON's scalar types, with integers kept exact.
public enum Value: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)

    /// The value as a number when it is one, or a string that reads as one.
    public var numericValue: Double? {
        switch self {
        case .int(let i): Double(i)
        case .double(let d): d
        case .string(let s): Double(s.trimmingSpaces)
        case .null, .bool: nil
        }
    }

    /// The value as text, for ids and names; nil for null.
    public var textValue: String? {
        switch self {
        case .null: nil
        case .bool(let b): b ? "true" : "false"
        case .int(let i): String(i)
        case .double(let d): d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case .string(let s): s
        }
    }
}

extension String {
    /// The string without leading and trailing ASCII spaces, tabs and newlines.
    public var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }),
            let last = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[first...last])
    }
}

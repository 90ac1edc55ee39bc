/// A JSON document built in code and serialised deterministically: object members keep the order they
/// were given (no dictionaries), numbers print the same on every platform.
enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// An array of numbers.
    static func numbers(_ values: [Double]) -> JSONValue { .array(values.map { .number($0) }) }

    /// Compact UTF-8 serialisation.
    var bytes: [UInt8] {
        var out: [UInt8] = []
        write(into: &out)
        return out
    }

    /// Serialisation with two-space indentation and one member per line, for files people read.
    var prettyBytes: [UInt8] {
        var out: [UInt8] = []
        write(into: &out, indent: 0)
        out.append(0x0A)
        return out
    }

    func write(into out: inout [UInt8], indent: Int? = nil) {
        switch self {
        case .null: out += Array("null".utf8)
        case .bool(let b): out += Array((b ? "true" : "false").utf8)
        case .int(let i): out += Array(String(i).utf8)
        case .number(let d): out += Array(Self.format(d).utf8)
        case .string(let s): Self.writeString(s, into: &out)
        case .array(let items):
            // Arrays of scalars stay on one line even when pretty-printing.
            let nested = indent.flatMap { level in items.contains(where: \.isContainer) ? level : nil }
            out.append(0x5B)
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(0x2C) }
                if let nested { Self.newline(nested + 1, into: &out) } else if indent != nil, i > 0 { out.append(0x20) }
                item.write(into: &out, indent: nested.map { $0 + 1 })
            }
            if let nested, !items.isEmpty { Self.newline(nested, into: &out) }
            out.append(0x5D)
        case .object(let members):
            out.append(0x7B)
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out.append(0x2C) }
                if let indent { Self.newline(indent + 1, into: &out) }
                Self.writeString(key, into: &out)
                out.append(0x3A)
                if indent != nil { out.append(0x20) }
                value.write(into: &out, indent: indent.map { $0 + 1 })
            }
            if let indent, !members.isEmpty { Self.newline(indent, into: &out) }
            out.append(0x7D)
        }
    }

    private var isContainer: Bool {
        switch self {
        case .array, .object: true
        default: false
        }
    }

    private static func newline(_ level: Int, into out: inout [UInt8]) {
        out.append(0x0A)
        out += Array(repeating: 0x20, count: 2 * level)
    }

    /// Integral values below 2^53 print without a fraction; others use Swift's shortest round-trip form,
    /// which is valid JSON (`1.5e-05`). Non-finite values, which JSON cannot hold, print as `null`.
    static func format(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded(), abs(d) < 9_007_199_254_740_992 { return String(Int64(d)) }
        return String(d)
    }

    private static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        for byte in s.utf8 {
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }
}

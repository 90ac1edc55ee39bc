import Foundation

/// What a `Range` header asks of a representation of a known length (RFC 9110 §14).
enum ByteRangeRequest: Equatable {
    /// No usable `Range` header (absent, not `bytes=`, or malformed: a server ignores those): the whole body.
    case whole
    /// Several ranges: answered with the whole body, as RFC 9110 allows.
    case multiple
    /// One satisfiable range, clamped to the body.
    case single(ClosedRange<Int64>)
    /// No range overlaps the body: 416 with `Content-Range: bytes */LENGTH`.
    case unsatisfiable

    /// Interprets `header` for a body of `length` bytes.
    init(header: String?, length: Int64) {
        guard let header else {
            self = .whole
            return
        }
        let trimmed = header.trimmingCharacters(in: [" ", "\t"])
        guard trimmed.lowercased().hasPrefix("bytes=") else {
            self = .whole
            return
        }
        let specs = trimmed.dropFirst(6).split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: [" ", "\t"])
        }
        var ranges: [ClosedRange<Int64>] = []
        for spec in specs {
            guard let parsed = Self.parse(spec) else {
                self = .whole
                return
            }
            if let range = Self.resolve(parsed, length: length) { ranges.append(range) }
        }
        if specs.count > 1 {
            self = ranges.isEmpty ? .unsatisfiable : .multiple
        } else if let range = ranges.first {
            self = .single(range)
        } else {
            self = .unsatisfiable
        }
    }

    /// `first-last`, `first-` or `-suffix`.
    private static func parse(_ spec: String) -> (first: Int64?, last: Int64?)? {
        guard let dash = spec.firstIndex(of: "-") else { return nil }
        let first = spec[..<dash]
        let last = spec[spec.index(after: dash)...]
        let digits: (Substring) -> Bool = {
            !$0.isEmpty && $0.count <= 18 && $0.allSatisfy { ("0"..."9").contains($0) }
        }
        if first.isEmpty {
            guard digits(last) else { return nil }
            return (nil, Int64(last))
        }
        guard digits(first), last.isEmpty || digits(last) else { return nil }
        let start = Int64(first)!
        if let end = Int64(last), end < start { return nil }
        return (start, last.isEmpty ? nil : Int64(last))
    }

    private static func resolve(_ spec: (first: Int64?, last: Int64?), length: Int64) -> ClosedRange<Int64>? {
        guard length > 0 else { return nil }
        if let first = spec.first {
            guard first < length else { return nil }
            return first...min(spec.last ?? (length - 1), length - 1)
        }
        guard let suffix = spec.last, suffix > 0 else { return nil }
        return max(0, length - suffix)...(length - 1)
    }
}

/// The canonical URI, query and headers of SigV4's canonical request.
enum SigV4Canonical {
    /// The canonical URI of `path` (as sent).
    ///
    /// With `normalizingAndEncodingTwice` (every service but S3) `.`/`..` and empty segments are removed and the
    /// path as sent is percent-encoded again, so an escape `%20` becomes `%2520`. Without it (S3) each segment
    /// is decoded and encoded once, and empty segments stay.
    static func uri(_ path: String, normalizingAndEncodingTwice: Bool) -> String {
        guard normalizingAndEncodingTwice else {
            return path.split(separator: "/", omittingEmptySubsequences: false)
                .map { PercentEncoding.encode(bytes: PercentEncoding.decode(String($0))) }
                .joined(separator: "/")
        }
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        var normalized = "/" + segments.joined(separator: "/")
        if path.hasSuffix("/") && !segments.isEmpty { normalized += "/" }
        return PercentEncoding.encode(normalized, keepingSlashes: true)
    }

    /// The canonical query of `query` (as sent, without `?`): each name and value decoded and encoded again,
    /// sorted by encoded name then value, `name=value` joined by `&` (a parameter without `=` gets an empty value).
    static func query(_ query: String) -> String {
        guard !query.isEmpty else { return "" }
        let pairs = query.split(separator: "&", omittingEmptySubsequences: true).map { parameter in
            let parts = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = PercentEncoding.encode(bytes: PercentEncoding.decode(String(parts[0])))
            let value = parts.count > 1 ? PercentEncoding.encode(bytes: PercentEncoding.decode(String(parts[1]))) : ""
            return (name: name, value: value)
        }
        return pairs.sorted { lhs, rhs in
            lhs.name == rhs.name
                ? Array(lhs.value.utf8).lexicographicallyPrecedes(rhs.value.utf8)
                : Array(lhs.name.utf8).lexicographicallyPrecedes(rhs.name.utf8)
        }
        .map { "\($0.name)=\($0.value)" }
        .joined(separator: "&")
    }

    /// The canonical header block (`name:value` lines, each ending in a newline) and the signed header names.
    ///
    /// Names are lower-cased and sorted; values are trimmed with runs of spaces collapsed to one; repeated
    /// names are joined with commas in the order given; the lines of a folded (multi-line) value count as
    /// repeated values, as in AWS's test suite.
    static func headers(_ headers: [SigV4Request.Header]) -> (block: String, signedNames: String) {
        var values: [String: [String]] = [:]
        for header in headers {
            let name = collapsingSpaces(header.name.lowercased())
            let lines = header.value.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            let parts = lines.isEmpty ? [""] : lines.map { collapsingSpaces(String($0)) }
            values[name, default: []] += parts.filter { !$0.isEmpty || parts.count == 1 }
        }
        let names = values.keys.sorted { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }
        let block = names.map { "\($0):\(values[$0]!.joined(separator: ","))\n" }.joined()
        return (block, names.joined(separator: ";"))
    }

    /// `value` trimmed, with every run of spaces and tabs replaced by one space.
    private static func collapsingSpaces(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}

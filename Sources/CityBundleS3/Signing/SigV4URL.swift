import Foundation

/// The authority, path and query of a URL string, split without any decoding or validation, so paths with
/// raw spaces or UTF-8 (as in AWS's test suite) survive as written.
struct SigV4URL {
    /// `host[:port]`.
    let authority: String
    /// The path as written; `/` when empty.
    let path: String
    /// The query after `?` as written (no `?`); empty when none.
    let query: String

    init(_ url: String) {
        var rest = Substring(url)
        if let fragment = rest.firstIndex(of: "#") { rest = rest[..<fragment] }
        if let schemeEnd = rest.range(of: "://") { rest = rest[schemeEnd.upperBound...] }
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        authority = String(rest[..<authorityEnd])
        rest = rest[authorityEnd...]
        if let questionMark = rest.firstIndex(of: "?") {
            path = rest[..<questionMark].isEmpty ? "/" : String(rest[..<questionMark])
            query = String(rest[rest.index(after: questionMark)...])
        } else {
            path = rest.isEmpty ? "/" : String(rest)
            query = ""
        }
    }
}

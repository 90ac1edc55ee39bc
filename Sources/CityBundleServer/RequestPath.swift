import Foundation

/// The path of a request, decoded into safe components, or refused.
///
/// Refused: percent-encoded slashes or backslashes (`%2f`, `%5c`), `.` and `..` (raw or encoded, such as
/// `%2e%2e`), hidden names (leftovers such as `.staging-…` are never served), empty components (`//`), NUL and
/// other control characters, invalid percent-encoding and anything that is not an absolute path.
struct RequestPath: Sendable, Equatable {
    /// The decoded components, none of them empty, `.`, `..` or hidden.
    let components: [String]
    /// Whether the request path ended with `/` (a directory's index page).
    let hasTrailingSlash: Bool

    private init(components: [String], hasTrailingSlash: Bool) {
        self.components = components
        self.hasTrailingSlash = hasTrailingSlash
    }

    /// Decodes `raw` (the path of the request target, without the query); nil when it is refused.
    init?(_ raw: String) {
        guard raw.hasPrefix("/"), raw.utf8.count <= 4096 else { return nil }
        var components: [String] = []
        let parts = raw.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        for (index, part) in parts.enumerated() {
            if part.isEmpty {
                // Only the last component may be empty: the trailing slash.
                guard index == parts.count - 1 else { return nil }
                continue
            }
            let lower = part.lowercased()
            guard !lower.contains("%2f"), !lower.contains("%5c"), !lower.contains("%00") else { return nil }
            guard let decoded = String(part).removingPercentEncoding else { return nil }
            guard Self.isSafe(decoded) else { return nil }
            components.append(decoded)
        }
        self.components = components
        self.hasTrailingSlash = raw.hasSuffix("/")
    }

    /// A component that names a file or folder inside the tree and nothing else.
    static func isSafe(_ component: String) -> Bool {
        !component.isEmpty && !component.hasPrefix(".") && !component.contains("/") && !component.contains("\\")
            && component.utf8.count <= 255
            && !component.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }
}

extension RequestPath {
    /// A path whose components are already decoded (from a resolved URL); nil when one is unsafe.
    init?(decoded path: String) {
        let parts = path.split(separator: "/").map(String.init)
        guard path.hasPrefix("/"), parts.allSatisfy(Self.isSafe) else { return nil }
        self.init(components: parts, hasTrailingSlash: false)
    }
}

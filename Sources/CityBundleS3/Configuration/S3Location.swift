/// A bucket and a key prefix, parsed from `s3://bucket/prefix/`.
public struct S3Location: Sendable, Hashable, CustomStringConvertible {
    /// The bucket name.
    public let bucket: String
    /// The key prefix: empty (the whole bucket) or ending in `/` (`citybundle/public/`).
    public let prefix: String

    /// Parses `s3://bucket`, `s3://bucket/` or `s3://bucket/some/prefix[/]`; the prefix always ends in `/`.
    ///
    /// - Throws: ``S3ConfigurationError/invalidLocation(url:reason:)`` for another scheme, a bad bucket name
    ///   (3–63 characters of `a–z 0–9 . -`, starting and ending with a letter or digit), or a prefix with
    ///   empty, `.` or `..` segments, a backslash or control characters.
    public init(parsing url: String) throws(S3ConfigurationError) {
        func fail(_ reason: String) -> S3ConfigurationError { .invalidLocation(url: url, reason: reason) }
        guard url.hasPrefix("s3://") else { throw fail("it does not start with s3://") }
        let rest = url.dropFirst("s3://".count)
        let bucket = String(rest.prefix(while: { $0 != "/" }))
        guard !bucket.isEmpty else { throw fail("the bucket name is missing") }
        if let problem = Self.bucketNameProblem(bucket) { throw fail("bucket name '\(bucket)' \(problem)") }
        var path = rest.dropFirst(bucket.count)
        if path.hasPrefix("/") { path = path.dropFirst() }
        if path.hasSuffix("/") { path = path.dropLast() }
        guard !path.isEmpty else {
            self.init(bucket: bucket, uncheckedPrefix: "")
            return
        }
        for segment in path.split(separator: "/", omittingEmptySubsequences: false) {
            if segment.isEmpty { throw fail("the prefix has an empty segment (//)") }
            if segment == "." || segment == ".." { throw fail("the prefix has a '\(segment)' segment") }
        }
        if path.contains(where: {
            $0 == "\\" || $0.unicodeScalars.contains { $0.properties.generalCategory == .control }
        }) {
            throw fail("the prefix has a backslash or a control character")
        }
        guard path.utf8.count < 900 else { throw fail("the prefix is longer than 900 bytes") }
        self.init(bucket: bucket, uncheckedPrefix: path + "/")
    }

    /// A location from a valid bucket name and a prefix that is empty or ends in `/`.
    init(bucket: String, uncheckedPrefix prefix: String) {
        self.bucket = bucket
        self.prefix = prefix
    }

    /// The object key of `relativePath` under the prefix.
    public func key(_ relativePath: String) -> String { prefix + relativePath }

    /// `s3://bucket/prefix/`.
    public var description: String { "s3://\(bucket)/\(prefix)" }

    /// Why `name` is not a valid bucket name, or nil.
    static func bucketNameProblem(_ name: String) -> String? {
        guard (3...63).contains(name.count) else { return "must be 3 to 63 characters long" }
        guard name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "." || $0 == "-") }) else {
            return "may only hold lower-case letters, digits, '.' and '-'"
        }
        guard let first = name.first, let last = name.last, first.isLetter || first.isNumber,
            last.isLetter || last.isNumber
        else { return "must start and end with a letter or a digit" }
        if name.contains("..") { return "must not hold '..'" }
        let parts = name.split(separator: ".")
        if parts.count == 4 && parts.allSatisfy({ UInt8($0) != nil }) { return "must not look like an IP address" }
        return nil
    }
}

/// An object's key, size and ETag, from a listing or a `HEAD`.
public struct S3ObjectInfo: Sendable, Hashable {
    /// The full object key.
    public var key: String
    /// The size in bytes.
    public var size: Int64
    /// The ETag without quotes: the MD5 hex of the content for a single-part upload without SSE-KMS,
    /// `md5-parts` for a multipart upload.
    public var eTag: String

    /// Object information from its parts; quotes around `eTag` are removed.
    public init(key: String, size: Int64, eTag: String) {
        self.key = key
        self.size = size
        self.eTag = Self.unquoted(eTag)
    }

    /// `eTag` without surrounding quotes or a weak `W/` marker.
    static func unquoted(_ eTag: String) -> String {
        var text = Substring(eTag.trimmed)
        if text.hasPrefix("W/") { text = text.dropFirst(2) }
        if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") { text = text.dropFirst().dropLast() }
        return String(text)
    }
}

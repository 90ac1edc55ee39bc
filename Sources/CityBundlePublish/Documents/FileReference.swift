/// A file named together with its size and SHA-256, so a reader can check it.
public struct FileReference: Sendable, Hashable, Codable {
    /// The path, relative to the document that holds the reference (see each use).
    public var path: String
    /// The size in bytes.
    public var size: Int64
    /// The SHA-256 of the bytes, lowercase hex.
    public var sha256: String

    /// A reference to `path` with its `size` and `sha256`.
    public init(path: String, size: Int64, sha256: String) {
        self.path = path
        self.size = size
        self.sha256 = sha256
    }
}

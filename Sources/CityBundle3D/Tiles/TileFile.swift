/// A file of a built tileset: its path relative to `tileset.json` and its bytes.
public struct TileFile: Sendable, Hashable {
    /// Relative path, with `/` separators.
    public var uri: String
    /// File content.
    public var bytes: [UInt8]

    /// Makes a file.
    public init(uri: String, bytes: [UInt8]) {
        self.uri = uri
        self.bytes = bytes
    }
}

/// One file of a published version, as the signed manifest lists it.
public struct ManifestEntry: Sendable, Hashable, Codable {
    /// What a file is for.
    public enum Role: String, Sendable, Hashable, Codable {
        /// A layer's data file, copied from the staging directory.
        case data
        /// A description written by the publisher (`datapackage.json`, STAC Items, `rights.json`, …).
        case metadata
        /// The reproducible `.tar.gz` of the data files.
        case archive
    }

    /// The path relative to the version directory.
    public var path: String
    /// The size in bytes.
    public var size: Int64
    /// The SHA-256, lowercase hex.
    public var sha256: String
    /// The media type (`application/geo+json`).
    public var mediaType: String
    /// What the file is for.
    public var role: Role

    /// An entry; every argument is a member of the same name.
    public init(path: String, size: Int64, sha256: String, mediaType: String, role: Role) {
        self.path = path
        self.size = size
        self.sha256 = sha256
        self.mediaType = mediaType
        self.role = role
    }
}

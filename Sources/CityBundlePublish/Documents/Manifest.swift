/// The signed list of every file in a published version: `<bundle>/<version>/manifest.json`.
///
/// `manifest.json.sig` holds an Ed25519 signature over the manifest's exact bytes. The manifest lists every file
/// of the version directory except itself and its signature.
public struct Manifest: Sendable, Hashable, Codable {
    /// The document format, `citybundle.manifest/1`.
    public var format: String
    /// The bundle id.
    public var bundle: String
    /// The version.
    public var version: String
    /// When the version was built (RFC 3339, UTC).
    public var created: String
    /// When the manifest stops being valid (RFC 3339, UTC); absent for never.
    public var expires: String?
    /// Every file, sorted by path.
    public var files: [ManifestEntry]

    /// The current format identifier.
    public static let currentFormat = "citybundle.manifest/1"

    /// A manifest; `files` are sorted by path.
    public init(bundle: String, version: String, created: String, expires: String? = nil, files: [ManifestEntry]) {
        self.format = Self.currentFormat
        self.bundle = bundle
        self.version = version
        self.created = created
        self.expires = expires
        self.files = files.sorted { $0.path < $1.path }
    }

    /// The data files only: what decides whether two versions hold the same content.
    public var dataFiles: [ManifestEntry] { files.filter { $0.role == .data } }
}

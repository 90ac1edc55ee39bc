/// The pointer to the newest published version: `<bundle>/latest.json` (+ `latest.json.sig`), a file, not a symlink.
///
/// It names the `versions.json` it was written with (`sequence` and `versionsSHA256`), so a verifier notices a
/// pointer and an index from different moments.
public struct LatestPointer: Sendable, Hashable, Codable {
    /// The document format, `citybundle.latest/1`.
    public var format: String
    /// The bundle id.
    public var bundle: String
    /// The newest published version.
    public var version: String
    /// Its manifest, relative to the bundle folder (`2026.11.25/manifest.json`).
    public var manifest: String
    /// The SHA-256 of that manifest.
    public var manifestSHA256: String
    /// The `sequence` of the `versions.json` written together with this pointer.
    public var sequence: Int
    /// The SHA-256 of that `versions.json`.
    public var versionsSHA256: String

    /// The current format identifier.
    public static let currentFormat = "citybundle.latest/1"

    /// A pointer; every argument is a member of the same name.
    public init(
        bundle: String, version: String, manifest: String, manifestSHA256: String, sequence: Int,
        versionsSHA256: String
    ) {
        self.format = Self.currentFormat
        self.bundle = bundle
        self.version = version
        self.manifest = manifest
        self.manifestSHA256 = manifestSHA256
        self.sequence = sequence
        self.versionsSHA256 = versionsSHA256
    }
}

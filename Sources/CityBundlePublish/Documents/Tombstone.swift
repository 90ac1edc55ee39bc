/// What is left of a withdrawn version: `<bundle>/<version>/WITHDRAWN.json` (+ `WITHDRAWN.json.sig`).
public struct Tombstone: Sendable, Hashable, Codable {
    /// The document format, `citybundle.withdrawn/1`.
    public var format: String
    /// The bundle id.
    public var bundle: String
    /// The withdrawn version.
    public var version: String
    /// When it was withdrawn (RFC 3339, UTC).
    public var withdrawn: String
    /// Why.
    public var reason: String
    /// The SHA-256 of the manifest the version had, so earlier downloads can be matched to the withdrawal.
    public var manifestSHA256: String

    /// The current format identifier.
    public static let currentFormat = "citybundle.withdrawn/1"

    /// A tombstone; every argument is a member of the same name.
    public init(bundle: String, version: String, withdrawn: String, reason: String, manifestSHA256: String) {
        self.format = Self.currentFormat
        self.bundle = bundle
        self.version = version
        self.withdrawn = withdrawn
        self.reason = reason
        self.manifestSHA256 = manifestSHA256
    }
}

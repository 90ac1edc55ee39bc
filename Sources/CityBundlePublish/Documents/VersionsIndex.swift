/// Every version of a bundle, signed: `<bundle>/versions.json` (+ `versions.json.sig`).
///
/// `sequence` grows by one at every rewrite (publish, withdraw, retention), so a verifier that remembers it
/// notices an older, still validly signed copy being replayed.
public struct VersionsIndex: Sendable, Hashable, Codable {
    /// The document format, `citybundle.versions/1`.
    public var format: String
    /// The bundle id.
    public var bundle: String
    /// Increases by one at every rewrite.
    public var sequence: Int
    /// When it was written (RFC 3339, UTC).
    public var updated: String
    /// The SHA-256 of `keys.json` when it was written.
    public var keysSHA256: String
    /// Every version ever published, oldest first.
    public var versions: [VersionRecord]

    /// The current format identifier.
    public static let currentFormat = "citybundle.versions/1"

    /// An index; `versions` are sorted oldest first.
    public init(bundle: String, sequence: Int, updated: String, keysSHA256: String, versions: [VersionRecord]) {
        self.format = Self.currentFormat
        self.bundle = bundle
        self.sequence = sequence
        self.updated = updated
        self.keysSHA256 = keysSHA256
        self.versions = versions.sorted {
            ($0.bundleVersion?.components ?? []).lexicographicallyPrecedes($1.bundleVersion?.components ?? [])
        }
    }

    /// The record of `version`, whatever its status.
    public func record(_ version: BundleVersion) -> VersionRecord? {
        versions.first { $0.bundleVersion == version }
    }

    /// The newest version that is still published: what `latest.json` should point to.
    public var latestPublished: VersionRecord? {
        versions.last { $0.status == .published }
    }

    /// The newest version ever listed, whatever its status.
    public var highestVersion: BundleVersion? {
        versions.compactMap(\.bundleVersion).max()
    }
}

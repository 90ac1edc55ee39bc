/// What a publish did.
public struct PublishResult: Sendable {
    /// What happened to the version.
    public enum Outcome: String, Sendable, Hashable {
        /// A new version was published.
        case published
        /// The version already held exactly this data: nothing changed.
        case unchanged
        /// The version already held this data, and a publish interrupted earlier was finished (pointers written).
        case completed
    }

    /// What happened.
    public var outcome: Outcome
    /// The bundle id.
    public var bundleID: String
    /// The version published (or found unchanged).
    public var version: String
    /// The version directory.
    public var versionDirectory: String
    /// The version's signed manifest.
    public var manifest: Manifest
    /// The SHA-256 of the manifest's bytes.
    public var manifestSHA256: String
    /// What changed against the previous version, in one line.
    public var summary: String
    /// Licence conflicts and other things a person should look at (also in `rights.json`).
    public var warnings: [String]
    /// Layers that lost more features than the gate allows, published anyway because of `force`.
    public var forcedFeatureLosses: [FeatureLoss]
    /// Versions the retention policy removed.
    public var removedVersions: [String]

    /// True when nothing was written because the version already held this data.
    public var isNoOp: Bool { outcome == .unchanged }
}

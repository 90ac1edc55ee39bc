/// One version in `versions.json`: its state, what changed, and what the STAC Collection and index page show.
public struct VersionRecord: Sendable, Hashable, Codable {
    /// Whether a version can be downloaded.
    public enum Status: String, Sendable, Hashable, Codable {
        /// Available.
        case published
        /// Taken back: only its signed tombstone `WITHDRAWN.json` is left.
        case withdrawn
        /// Deleted by the retention policy.
        case removed
    }

    /// The version.
    public var version: String
    /// Its state.
    public var status: Status
    /// When it was built (RFC 3339, UTC).
    public var created: String
    /// What changed, in one line (the publisher's note first).
    public var summary: String
    /// What changed, in detail.
    public var changes: ChangeSummary
    /// The manifest, relative to the bundle folder.
    public var manifest: FileReference
    /// The reproducible archive of the data files, relative to the bundle folder.
    public var archive: FileReference
    /// The total size of the data files.
    public var dataBytes: Int64
    /// The bundle title at this version.
    public var title: String
    /// The bundle description at this version.
    public var description: String
    /// The bundle licence (SPDX).
    public var license: String
    /// The rights holder.
    public var owner: String
    /// The rights holder's contact.
    public var contact: String
    /// The layers.
    public var layers: [LayerSummary]
    /// Set when the version was withdrawn.
    public var withdrawal: Withdrawal?
    /// When the retention policy deleted the version.
    public var removed: String?

    /// A record; every argument is a member of the same name.
    public init(
        version: String, status: Status, created: String, summary: String, changes: ChangeSummary,
        manifest: FileReference, archive: FileReference, dataBytes: Int64, title: String, description: String,
        license: String, owner: String, contact: String, layers: [LayerSummary], withdrawal: Withdrawal? = nil,
        removed: String? = nil
    ) {
        self.version = version
        self.status = status
        self.created = created
        self.summary = summary
        self.changes = changes
        self.manifest = manifest
        self.archive = archive
        self.dataBytes = dataBytes
        self.title = title
        self.description = description
        self.license = license
        self.owner = owner
        self.contact = contact
        self.layers = layers
        self.withdrawal = withdrawal
        self.removed = removed
    }

    /// The version parsed (records only hold versions that parse).
    public var bundleVersion: BundleVersion? { BundleVersion(version) }

    /// Per layer: the number of features.
    public var featureCounts: [String: Int] {
        Dictionary(layers.map { ($0.id, $0.featureCount) }, uniquingKeysWith: { first, _ in first })
    }
}

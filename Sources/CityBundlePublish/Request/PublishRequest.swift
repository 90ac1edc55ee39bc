public import Foundation

/// Everything needed to publish one version of a bundle.
public struct PublishRequest: Sendable {
    /// The publish root: the static tree served to developers (`catalog.json`, `keys.json`, one folder per bundle).
    public var root: String
    /// The bundle id: lowercase letters, digits, `.`, `_` and `-` (`wuhan`); it names the bundle's folder.
    public var bundleID: String
    /// The bundle's title.
    public var title: String
    /// What the bundle holds, in a paragraph.
    public var description: String
    /// The version to publish; nil gives a date-based one (`YYYY.MM.DD`, then `.1`, `.2` the same day).
    public var version: String?
    /// The folder holding the data files, already written; subfolders are allowed.
    public var stagingDirectory: String
    /// The layers and their files.
    public var layers: [LayerInfo]
    /// Owner, contact, usage terms and the bundle licence.
    public var rights: RightsInfo
    /// How the data was made: input files with SHA-256, pipeline hash, CityBundle version, stage settings,
    /// report summaries. Written to `provenance.json` under `pipeline`.
    public var provenance: [String: JSONValue]
    /// The key that signs the manifest, `versions.json` and `latest.json`; it must be active in `keys.json`
    /// (the first publish into an empty root creates `keys.json` with it).
    public var signingKey: SigningKey
    /// The feature-loss check against the previous version.
    public var gate: PublishGate
    /// A human note on what changed, put before the computed change summary.
    public var notes: String?
    /// When the signed manifest stops being valid; nil for never.
    public var expires: Date?
    /// Keep only this many published versions after publishing (the latest is always kept); nil keeps all.
    public var retainVersions: Int?
    /// Further files in the staging directory to publish with the version (a changelog); they are
    /// listed in the manifest as metadata and do not count as changed data.
    public var documents: [String]

    /// A request; the optional arguments default to a date-based version, the default gate and no expiry.
    public init(
        root: String, bundleID: String, title: String, description: String, version: String? = nil,
        stagingDirectory: String, layers: [LayerInfo], rights: RightsInfo, provenance: [String: JSONValue] = [:],
        signingKey: SigningKey, gate: PublishGate = PublishGate(), notes: String? = nil, expires: Date? = nil,
        retainVersions: Int? = nil, documents: [String] = []
    ) {
        self.documents = documents
        self.root = root
        self.bundleID = bundleID
        self.title = title
        self.description = description
        self.version = version
        self.stagingDirectory = stagingDirectory
        self.layers = layers
        self.rights = rights
        self.provenance = provenance
        self.signingKey = signingKey
        self.gate = gate
        self.notes = notes
        self.expires = expires
        self.retainVersions = retainVersions
    }
}

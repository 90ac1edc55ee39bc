public import CityBundleModel

/// What a layer holds, where it comes from and on what terms it is published.
public struct LayerInfo: Sendable, Hashable {
    /// A stable id: lowercase letters, digits, `_` and `-` (`scenic_sites`); it names the STAC Item file.
    public var id: String
    /// A human title (`Scenic sites`).
    public var title: String
    /// What the layer holds.
    public var kind: DataKind
    /// The layer's files in the staging directory (a GeoJSON and a GLB of the same buildings, for example).
    public var files: [LayerFile]
    /// The number of features (checked by the publish gate against the previous version).
    public var featureCount: Int
    /// The extent in WGS 84 longitude/latitude.
    public var bbox: BoundingBox
    /// The layer's licence as an SPDX identifier (`CC0-1.0`, `ODbL-1.0`, `MIT`).
    public var license: String
    /// The attribution its licence requires (`© OpenStreetMap contributors`).
    public var attribution: String
    /// Where the data comes from, in a sentence.
    public var source: String
    /// Field names and types; written as a Frictionless table schema for tabular files (CSV/TSV) only.
    public var fields: [SchemaField]

    /// A layer description; every argument is a member of the same name.
    public init(
        id: String, title: String, kind: DataKind, files: [LayerFile], featureCount: Int, bbox: BoundingBox,
        license: String, attribution: String, source: String, fields: [SchemaField] = []
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.files = files
        self.featureCount = featureCount
        self.bbox = bbox
        self.license = license
        self.attribution = attribution
        self.source = source
        self.fields = fields
    }
}

/// A layer as `versions.json` remembers it: enough to render the STAC Collection and to run the publish gate.
public struct LayerSummary: Sendable, Hashable, Codable {
    /// The layer id.
    public var id: String
    /// The layer title.
    public var title: String
    /// The data kind (`building`, `scenic_site`, `geospatial`).
    public var kind: String
    /// The number of features.
    public var featureCount: Int
    /// The extent `[west, south, east, north]` in WGS 84.
    public var bbox: [Double]
    /// The layer's SPDX licence.
    public var license: String
    /// The attribution the licence requires.
    public var attribution: String
    /// The STAC Item, relative to the bundle folder (`2026.11.25/items/scenic_sites.json`).
    public var item: String

    /// A summary; every argument is a member of the same name.
    public init(
        id: String, title: String, kind: String, featureCount: Int, bbox: [Double], license: String,
        attribution: String, item: String
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.featureCount = featureCount
        self.bbox = bbox
        self.license = license
        self.attribution = attribution
        self.item = item
    }
}

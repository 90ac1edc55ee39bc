/// The attributes a tile's property table stores for one feature (class `feature` of the GLB's
/// EXT_structural_metadata schema).
public struct FeatureRecord: Sendable, Hashable {
    /// The stable feature id.
    public var id: String
    /// The feature's name, when it has one.
    public var name: String?
    /// Height of the mesh's top above the ground, metres.
    public var height: Double
    /// The data kind (`building`, `scenic_site`, `geospatial`).
    public var kind: String
    /// The pipeline source the feature came from.
    public var source: String
    /// True when `height` was not in the data (estimated from floors, a default, or a marker size).
    public var heightEstimated: Bool

    /// Makes a record.
    public init(id: String, name: String?, height: Double, kind: String, source: String, heightEstimated: Bool) {
        self.id = id
        self.name = name
        self.height = height
        self.kind = kind
        self.source = source
        self.heightEstimated = heightEstimated
    }
}

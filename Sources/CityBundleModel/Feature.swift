/// One feature flowing through the pipeline: a stable id, a geometry in the current CRS and attributes.
public struct Feature: Sendable, Hashable {
    /// The stable id: a mapped source field, or one derived from content (see `FeatureIdentity`).
    public var id: String?
    public var geometry: Geometry?
    public var properties: Properties
    public var location: SourceLocation

    public init(id: String? = nil, geometry: Geometry?, properties: Properties = Properties(), location: SourceLocation)
    {
        self.id = id
        self.geometry = geometry
        self.properties = properties
        self.location = location
    }
}

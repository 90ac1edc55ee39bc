/// One feature flowing through the pipeline: a stable id, a geometry in the current CRS and attributes.
public struct Feature: Sendable, Hashable {
    /// The stable id: a mapped source field, or one derived from content (see `FeatureIdentity`).
    public var id: String?
    public var geometry: Geometry?
    public var properties: Properties
    public var location: SourceLocation
    /// A building's 3D surfaces (CityGML LoD2), when the source has them; the 3D outputs mesh these instead of
    /// extruding the footprint in `geometry`.
    public var surfaces: [SurfacePolygon]

    public init(
        id: String? = nil, geometry: Geometry?, properties: Properties = Properties(), location: SourceLocation,
        surfaces: [SurfacePolygon] = []
    ) {
        self.id = id
        self.geometry = geometry
        self.properties = properties
        self.location = location
        self.surfaces = surfaces
    }
}

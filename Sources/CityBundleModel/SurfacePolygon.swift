/// One polygon of a building's 3D shell with its thematic type (CityGML LoD2 `roof`, `wall`, `ground`, …), in the
/// same coordinates as the feature's geometry (WGS 84 longitude, latitude and height in metres once ingested).
/// Exterior ring first, then holes.
public struct SurfacePolygon: Sendable, Hashable {
    /// The surface type's label: `roof`, `wall`, `ground`, `closure`, `outer_ceiling`, `outer_floor` or `other`.
    public var type: String
    /// Exterior ring first, then holes.
    public var rings: [[Position]]

    /// Makes a polygon from its type and rings.
    public init(type: String, rings: [[Position]]) {
        self.type = type
        self.rings = rings
    }
}

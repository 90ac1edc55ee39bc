public import CityBundleModel

/// One polygon of a city object, tagged with its surface type and level of detail.
///
/// `rings[0]` is the exterior ring, the others are holes; each ring is closed (first = last
/// position) as written in the file. Positions are in the object's ``CityObject/crs``: WGS 84
/// longitude, latitude and height when the reader converts (the height is passed through
/// unchanged: ellipsoidal for a 3D geographic CRS, orthometric for a compound CRS with a vertical
/// part), else the file's coordinates in the CRS's authority axis order.
public struct CitySurface: Sendable, Hashable {
    /// The thematic surface this polygon belongs to.
    public var type: SurfaceType
    /// The level of detail (0–4) of the geometry property it was read from.
    public var lod: Int
    /// The polygon's `gml:id`, when it has one.
    public var id: String?
    /// Exterior ring first, then holes.
    public var rings: [[Position]]

    /// Creates a surface.
    public init(type: SurfaceType, lod: Int, id: String? = nil, rings: [[Position]]) {
        self.type = type
        self.lod = lod
        self.id = id
        self.rings = rings
    }
}

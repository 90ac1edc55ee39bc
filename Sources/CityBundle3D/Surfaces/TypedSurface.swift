public import CityBundleModel

/// One polygon of a building with its thematic type, in WGS 84: longitude and latitude in degrees and height in
/// metres, as CityGMLKit's reader gives them in `.wgs84` mode.
///
/// Heights are placed as ellipsoidal heights. The reader passes heights through unchanged, so they are ellipsoidal
/// for a 3D geographic source CRS but orthometric for a compound CRS with a vertical part; then the whole building
/// sits off by the geoid undulation, which changes no shape, area or volume — give the tile frame a ground height
/// in the same height system.
///
/// CityGML polygons face outward: each ring of a solid's shell runs counter-clockwise seen from outside, holes the
/// other way. The mesher keeps that winding; the solid checks report where it is broken.
public struct TypedSurface: Sendable, Hashable {
    /// The surface's thematic type.
    public var kind: SurfaceKind
    /// The exterior ring first, then the holes; a closing repeat of the first position is allowed.
    public var rings: [[Position]]

    /// Makes a surface from its type and rings (exterior first).
    public init(kind: SurfaceKind, rings: [[Position]]) {
        self.kind = kind
        self.rings = rings
    }

    /// Makes a surface from its exterior ring and holes.
    public init(kind: SurfaceKind, exterior: [Position], holes: [[Position]] = []) {
        self.init(kind: kind, rings: [exterior] + holes)
    }
}

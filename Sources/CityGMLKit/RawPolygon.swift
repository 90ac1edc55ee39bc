import CityBundleModel

/// A polygon as read, before conversion: source coordinates in the srsName's axis order.
struct RawPolygon {
    var id: String?
    var type: SurfaceType
    var lod: Int
    var rings: [[Position]]
    /// The srsName in force where the polygon was written (nearest ancestor, file default or the
    /// declared CRS); `nil` when none is known.
    var srsName: String?

    /// The number of positions in all rings.
    var positionCount: Int { rings.reduce(0) { $0 + $1.count } }
}

public import CityBundleGeodesy

/// A tile's local frame: east-north-up at an origin on the WGS 84 ellipsoid (the tile centre at ground
/// height), with conversions from longitude/latitude and to the glTF axes the tile's GLB uses.
public struct TileFrame: Sendable, Hashable {
    /// The underlying ENU frame.
    public let frame: LocalFrame

    /// Makes the frame at (`lon`, `lat`) degrees and ellipsoidal height `height` metres.
    public init(lon: Double, lat: Double, height: Double) {
        frame = LocalFrame(originLon: lon, originLat: lat, originHeight: height)
    }

    /// The origin's longitude, degrees.
    public var lon: Double { frame.originLon }

    /// The origin's latitude, degrees.
    public var lat: Double { frame.originLat }

    /// The origin's ellipsoidal height: the tile's ground height, metres.
    public var groundHeight: Double { frame.originHeight }

    /// The exact local east, north, up offset (metres) of a WGS 84 position, through ECEF; `up` includes
    /// the fall of the ellipsoid away from the tangent plane (about d² / 2R at distance d).
    public func enu(lon: Double, lat: Double, height: Double) -> (east: Double, north: Double, up: Double) {
        frame.toENU(Geodesic.ecef(lon: lon, lat: lat, height: height))
    }

    /// The ECEF position of a point given in the tile's glTF coordinates.
    public func ecef(gltf p: SIMD3<Double>) -> ECEF {
        let local = AxisConvention.enu(gltf: p)
        return frame.toECEF(east: local.east, north: local.north, up: local.up)
    }

    /// The 3D Tiles `tile.transform` for this tile's content: the ENU → ECEF matrix, column-major.
    ///
    /// No extra axis rotation belongs here: 3D Tiles clients first rotate glTF content from Y-up to Z-up
    /// ((x, y, z) → (x, −z, y), see `AxisConvention.yUpToZUp`), which turns the GLB's
    /// (east, up, −north) back into (east, north, up); the tile transform then places ENU in ECEF.
    public var tileTransform: [Double] { frame.enuToECEFMatrix() }
}

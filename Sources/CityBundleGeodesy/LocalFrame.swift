#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(ucrt)
    import ucrt
#endif

/// A local east-north-up (ENU) tangent frame at a WGS 84 origin, for glTF / 3D Tiles placement.
public struct LocalFrame: Sendable, Hashable {
    /// Origin longitude, degrees.
    public let originLon: Double
    /// Origin latitude, degrees.
    public let originLat: Double
    /// Origin ellipsoidal height, metres.
    public let originHeight: Double
    /// The origin in ECEF, metres.
    public let origin: ECEF

    /// Unit vectors of the local axes, expressed in ECEF.
    let east: SIMD3<Double>
    let north: SIMD3<Double>
    let up: SIMD3<Double>

    /// Makes the frame whose axes point east, north and along the ellipsoid normal at the given origin.
    public init(originLon: Double, originLat: Double, originHeight: Double = 0) {
        self.originLon = originLon
        self.originLat = originLat
        self.originHeight = originHeight
        origin = Geodesic.ecef(lon: originLon, lat: originLat, height: originHeight)
        let radians = Double.pi / 180.0
        let sinPhi = sin(originLat * radians)
        let cosPhi = cos(originLat * radians)
        let sinLambda = sin(originLon * radians)
        let cosLambda = cos(originLon * radians)
        east = SIMD3(-sinLambda, cosLambda, 0)
        north = SIMD3(-sinPhi * cosLambda, -sinPhi * sinLambda, cosPhi)
        up = SIMD3(cosPhi * cosLambda, cosPhi * sinLambda, sinPhi)
    }

    /// The 4 × 4 ENU → ECEF matrix as 16 column-major values (east, north, up, origin columns),
    /// the layout 3D Tiles `tile.transform` expects.
    public func enuToECEFMatrix() -> [Double] {
        [
            east.x, east.y, east.z, 0,
            north.x, north.y, north.z, 0,
            up.x, up.y, up.z, 0,
            origin.x, origin.y, origin.z, 1,
        ]
    }

    /// ECEF → local east, north, up offsets from the origin, metres.
    public func toENU(_ p: ECEF) -> (east: Double, north: Double, up: Double) {
        let d = SIMD3(p.x - origin.x, p.y - origin.y, p.z - origin.z)
        return ((d * east).sum(), (d * north).sum(), (d * up).sum())
    }

    /// Local east, north, up offsets from the origin (metres) → ECEF.
    public func toECEF(east e: Double, north n: Double, up u: Double) -> ECEF {
        let v = e * east + n * north + u * up
        return ECEF(x: origin.x + v.x, y: origin.y + v.y, z: origin.z + v.z)
    }
}

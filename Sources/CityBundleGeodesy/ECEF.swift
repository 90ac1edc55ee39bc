#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(ucrt)
    import ucrt
#endif

/// Earth-centred, earth-fixed Cartesian coordinates on WGS 84 (EPSG:4978), metres.
public struct ECEF: Sendable, Hashable {
    /// Towards longitude 0 on the equator, metres.
    public var x: Double
    /// Towards longitude 90° E on the equator, metres.
    public var y: Double
    /// Towards the north pole, metres.
    public var z: Double

    /// Makes a point from its three Cartesian coordinates in metres.
    public init(x: Double, y: Double, z: Double) {
        self.x = x
        self.y = y
        self.z = z
    }
}

extension Geodesic {
    /// Geodetic longitude, latitude (degrees) and ellipsoidal height (metres) → ECEF, by the standard
    /// closed form with the prime-vertical radius N = a / √(1 − e² sin² φ).
    public static func ecef(lon: Double, lat: Double, height: Double = 0) -> ECEF {
        let radians = Double.pi / 180.0
        let phi = lat * radians
        let lambda = lon * radians
        let sinPhi = sin(phi)
        let cosPhi = cos(phi)
        let n = WGS84.a / (1.0 - WGS84.e2 * sinPhi * sinPhi).squareRoot()
        return ECEF(
            x: (n + height) * cosPhi * cos(lambda),
            y: (n + height) * cosPhi * sin(lambda),
            z: (n * (1.0 - WGS84.e2) + height) * sinPhi)
    }
}

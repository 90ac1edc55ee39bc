import CityBundleGeodesy

#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A WGS 84 geodetic position recovered from ECEF, for tile bounding regions.
struct GeodeticPosition {
    /// Longitude, radians.
    var lon: Double
    /// Latitude, radians.
    var lat: Double
    /// Ellipsoidal height, metres.
    var height: Double

    /// ECEF → geodetic by fixed-point iteration on the latitude (converges to well below a millimetre in
    /// a few steps away from the poles; 10 steps are used). The height uses the form that stays
    /// well-conditioned at every latitude.
    init(_ p: ECEF) {
        let a = WGS84.a
        let e2 = WGS84.e2
        let horizontal = (p.x * p.x + p.y * p.y).squareRoot()
        lon = atan2(p.y, p.x)
        var phi = atan2(p.z, horizontal * (1 - e2))
        for _ in 0..<10 {
            let s = sin(phi)
            let n = a / (1 - e2 * s * s).squareRoot()
            phi = atan2(p.z + e2 * n * s, horizontal)
        }
        lat = phi
        let s = sin(phi)
        height = horizontal * cos(phi) + p.z * s - a * (1 - e2 * s * s).squareRoot()
    }
}

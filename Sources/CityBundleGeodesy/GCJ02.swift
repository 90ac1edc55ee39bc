#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(ucrt)
    import ucrt
#endif

/// GCJ-02 ("Mars coordinates", used by Amap and Tencent): the published obfuscation of WGS 84, which PROJ lacks.
/// Non-finite input gives NaN; outside `ChinaExtent` the transform is the identity.
public enum GCJ02 {
    /// Semi-major axis of the Krasovsky 1940 ellipsoid the published algorithm uses, metres.
    public static let krasovskyA = 6_378_245.0
    /// Eccentricity squared constant of the published algorithm (Krasovsky 1940).
    public static let krasovskyEE = 0.006_693_421_622_965_943_23

    /// WGS 84 → GCJ-02 with the published polynomial offset (`transformLat` / `transformLon` scaled on Krasovsky).
    public static func fromWGS84(_ p: LonLat) -> LonLat {
        guard p.isFinite else { return .nan }
        if ChinaExtent.outOfChina(p) { return p }
        let d = offset(at: p)
        return LonLat(p.lon + d.lon, p.lat + d.lat)
    }

    /// GCJ-02 → WGS 84 by fixed-point iteration on `fromWGS84`, so `fromWGS84(toWGS84(g))` matches `g` to ~1e-12°.
    /// At most 30 steps; non-finite input gives NaN. Within ~0.01° of the `ChinaExtent` edge, where the forward
    /// transform jumps, a point may have no exact preimage and the closest candidate found is returned.
    public static func toWGS84(_ g: LonLat) -> LonLat {
        guard g.isFinite else { return .nan }
        return LonLat.invert(fromWGS84, target: g, start: g)
    }

    /// The published GCJ-02 offset (degrees) at a WGS 84 position inside China.
    static func offset(at p: LonLat) -> LonLat {
        let x = p.lon - 105.0
        let y = p.lat - 35.0
        let radLat = p.lat / 180.0 * Double.pi
        var magic = sin(radLat)
        magic = 1.0 - krasovskyEE * magic * magic
        let sqrtMagic = magic.squareRoot()
        let dLat =
            (transformLat(x, y) * 180.0)
            / ((krasovskyA * (1.0 - krasovskyEE)) / (magic * sqrtMagic) * Double.pi)
        let dLon = (transformLon(x, y) * 180.0) / (krasovskyA / sqrtMagic * cos(radLat) * Double.pi)
        return LonLat(dLon, dLat)
    }

    /// The published latitude polynomial, in pseudo-metres, of x = lon − 105, y = lat − 35.
    static func transformLat(_ x: Double, _ y: Double) -> Double {
        var r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * x.magnitude.squareRoot()
        r += (20.0 * sin(6.0 * x * Double.pi) + 20.0 * sin(2.0 * x * Double.pi)) * 2.0 / 3.0
        r += (20.0 * sin(y * Double.pi) + 40.0 * sin(y / 3.0 * Double.pi)) * 2.0 / 3.0
        r += (160.0 * sin(y / 12.0 * Double.pi) + 320.0 * sin(y * Double.pi / 30.0)) * 2.0 / 3.0
        return r
    }

    /// The published longitude polynomial, in pseudo-metres, of x = lon − 105, y = lat − 35.
    static func transformLon(_ x: Double, _ y: Double) -> Double {
        var r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * x.magnitude.squareRoot()
        r += (20.0 * sin(6.0 * x * Double.pi) + 20.0 * sin(2.0 * x * Double.pi)) * 2.0 / 3.0
        r += (20.0 * sin(x * Double.pi) + 40.0 * sin(x / 3.0 * Double.pi)) * 2.0 / 3.0
        r += (150.0 * sin(x / 12.0 * Double.pi) + 300.0 * sin(x / 30.0 * Double.pi)) * 2.0 / 3.0
        return r
    }
}

#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(ucrt)
    import ucrt
#endif

/// BD-09 (Baidu): the published second obfuscation applied on top of GCJ-02, which PROJ lacks.
/// Non-finite input gives NaN.
public enum BD09 {
    /// The published constant x_pi = π · 3000 / 180.
    static let xPi = Double.pi * 3000.0 / 180.0

    /// GCJ-02 → BD-09 with the published formula (radius and angle perturbation, then +0.0065°, +0.006°).
    public static func fromGCJ02(_ p: LonLat) -> LonLat {
        guard p.isFinite else { return .nan }
        let x = p.lon
        let y = p.lat
        let z = (x * x + y * y).squareRoot() + 0.000_02 * sin(y * xPi)
        let theta = atan2(y, x) + 0.000_003 * cos(x * xPi)
        return LonLat(z * cos(theta) + 0.0065, z * sin(theta) + 0.006)
    }

    /// BD-09 → GCJ-02: the published closed-form approximate inverse (~1e-6°) refined by fixed-point
    /// iteration on `fromGCJ02`, so round trips agree to ~1e-12°. At most 30 steps.
    public static func toGCJ02(_ b: LonLat) -> LonLat {
        guard b.isFinite else { return .nan }
        return LonLat.invert(fromGCJ02, target: b, start: approximateGCJ02(b))
    }

    /// WGS 84 → BD-09: GCJ-02 first, then the BD-09 formula.
    public static func fromWGS84(_ p: LonLat) -> LonLat {
        fromGCJ02(GCJ02.fromWGS84(p))
    }

    /// BD-09 → WGS 84: the iterative `toGCJ02`, then the iterative `GCJ02.toWGS84`.
    public static func toWGS84(_ b: LonLat) -> LonLat {
        GCJ02.toWGS84(toGCJ02(b))
    }

    /// The published closed-form BD-09 → GCJ-02 approximation, used as the iteration's starting point.
    static func approximateGCJ02(_ b: LonLat) -> LonLat {
        let x = b.lon - 0.0065
        let y = b.lat - 0.006
        let z = (x * x + y * y).squareRoot() - 0.000_02 * sin(y * xPi)
        let theta = atan2(y, x) - 0.000_003 * cos(x * xPi)
        return LonLat(z * cos(theta), z * sin(theta))
    }
}

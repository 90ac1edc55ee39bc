#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(ucrt)
    import ucrt
#endif

/// Geodesic computations on the WGS 84 ellipsoid.
public enum Geodesic {
    /// Ellipsoidal distance in metres between two WGS 84 positions, by Vincenty's (1975) inverse formula.
    /// Sub-millimetre for ordinary distances; falls back to a great circle on the mean radius in the
    /// nearly antipodal cases where Vincenty does not converge. Non-finite input gives NaN.
    public static func distanceMetres(_ p1: LonLat, _ p2: LonLat) -> Double {
        guard p1.isFinite, p2.isFinite else { return .nan }
        if let s = vincentyInverse(p1, p2) { return s }
        return greatCircleMetres(p1, p2)
    }

    /// Vincenty's inverse iteration; nil when the longitude iteration fails to converge (near-antipodal points).
    static func vincentyInverse(_ p1: LonLat, _ p2: LonLat) -> Double? {
        let a = WGS84.a
        let b = WGS84.b
        let f = WGS84.f
        let radians = Double.pi / 180.0
        let bigL = (p2.lon - p1.lon).remainder(dividingBy: 360.0) * radians

        // Reduced latitudes, in the tan form that stays well-behaved at the poles.
        let tanU1 = (1.0 - f) * tan(p1.lat * radians)
        let cosU1 = 1.0 / (1.0 + tanU1 * tanU1).squareRoot()
        let sinU1 = tanU1 * cosU1
        let tanU2 = (1.0 - f) * tan(p2.lat * radians)
        let cosU2 = 1.0 / (1.0 + tanU2 * tanU2).squareRoot()
        let sinU2 = tanU2 * cosU2

        var lambda = bigL
        var sinSigma = 0.0
        var cosSigma = 1.0
        var sigma = 0.0
        var cosSqAlpha = 1.0
        var cos2SigmaM = 0.0
        var converged = false
        for _ in 0..<200 {
            let sinLambda = sin(lambda)
            let cosLambda = cos(lambda)
            let t1 = cosU2 * sinLambda
            let t2 = cosU1 * sinU2 - sinU1 * cosU2 * cosLambda
            let sinSqSigma = t1 * t1 + t2 * t2
            if sinSqSigma == 0 { return 0 }  // coincident points
            sinSigma = sinSqSigma.squareRoot()
            cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda
            sigma = atan2(sinSigma, cosSigma)
            let sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma
            cosSqAlpha = 1.0 - sinAlpha * sinAlpha
            cos2SigmaM = cosSqAlpha != 0 ? cosSigma - 2.0 * sinU1 * sinU2 / cosSqAlpha : 0  // 0 on the equator
            let c = f / 16.0 * cosSqAlpha * (4.0 + f * (4.0 - 3.0 * cosSqAlpha))
            let previous = lambda
            lambda =
                bigL + (1.0 - c) * f * sinAlpha
                * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1.0 + 2.0 * cos2SigmaM * cos2SigmaM)))
            if lambda.magnitude > Double.pi { return nil }  // antipodal: the series has left its domain
            if (lambda - previous).magnitude <= 1e-12 {
                converged = true
                break
            }
        }
        guard converged else { return nil }

        let uSq = cosSqAlpha * (a * a - b * b) / (b * b)
        let bigA = 1.0 + uSq / 16384.0 * (4096.0 + uSq * (-768.0 + uSq * (320.0 - 175.0 * uSq)))
        let bigB = uSq / 1024.0 * (256.0 + uSq * (-128.0 + uSq * (74.0 - 47.0 * uSq)))
        let c2 = cos2SigmaM * cos2SigmaM
        let deltaSigma =
            bigB * sinSigma
            * (cos2SigmaM + bigB / 4.0
                * (cosSigma * (-1.0 + 2.0 * c2) - bigB / 6.0 * cos2SigmaM * (-3.0 + 4.0 * sinSigma * sinSigma)
                    * (-3.0 + 4.0 * c2)))
        return b * bigA * (sigma - deltaSigma)
    }

    /// Haversine distance on a sphere of the WGS 84 mean radius (2a + b) / 3: the fallback, good to ~0.5 %.
    static func greatCircleMetres(_ p1: LonLat, _ p2: LonLat) -> Double {
        let radians = Double.pi / 180.0
        let radius = (2.0 * WGS84.a + WGS84.b) / 3.0
        let phi1 = p1.lat * radians
        let phi2 = p2.lat * radians
        let sinDPhi = sin((phi2 - phi1) / 2.0)
        let sinDLambda = sin((p2.lon - p1.lon) * radians / 2.0)
        let h = sinDPhi * sinDPhi + cos(phi1) * cos(phi2) * sinDLambda * sinDLambda
        return 2.0 * radius * asin(Swift.min(1.0, h.squareRoot()))
    }
}

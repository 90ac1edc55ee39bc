import CityBundleModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The inverse of EPSG:4547 (CGCS2000 / 3-degree Gauss-Krüger CM 114E) by Krüger's series, for the
/// summary's approximate WGS 84 extent (CGCS2000 and WGS 84 agree to about 0.1 m).
///
/// Fourth-order series in n; within a few hundred kilometres of the central meridian it agrees with PROJ to
/// well under a millimetre, far better than the summary needs.
enum GaussKruger {
    /// CGCS2000's semi-major axis, metres.
    static let semiMajorAxis = 6_378_137.0
    /// CGCS2000's flattening.
    static let flattening = 1 / 298.257_222_101
    /// The zone's central meridian, degrees.
    static let centralMeridian = 114.0
    /// The false easting, metres.
    static let falseEasting = 500_000.0

    /// Longitude and latitude in degrees of an EPSG:4547 position (x = easting, y = northing).
    static func geographic(_ position: Position) -> Position {
        let n = flattening / (2 - flattening)
        let (n2, n3, n4) = (n * n, n * n * n, n * n * n * n)
        let radius = semiMajorAxis / (1 + n) * (1 + n2 / 4 + n4 / 64)
        let beta = [
            n / 2 - 2 * n2 / 3 + 37 * n3 / 96 - n4 / 360,
            n2 / 48 + n3 / 15 - 437 * n4 / 1440,
            17 * n3 / 480 - 37 * n4 / 840,
            4397 * n4 / 161_280,
        ]
        let delta = [
            2 * n - 2 * n2 / 3 - 2 * n3 + 116 * n4 / 45,
            7 * n2 / 3 - 8 * n3 / 5 - 227 * n4 / 45,
            56 * n3 / 15 - 136 * n4 / 35,
            4279 * n4 / 630,
        ]
        let xi = position.y / radius
        let eta = (position.x - falseEasting) / radius
        var xiPrime = xi
        var etaPrime = eta
        for (index, b) in beta.enumerated() {
            let k = 2 * Double(index + 1)
            xiPrime -= b * sin(k * xi) * cosh(k * eta)
            etaPrime -= b * cos(k * xi) * sinh(k * eta)
        }
        let chi = asin(sin(xiPrime) / cosh(etaPrime))
        var latitude = chi
        for (index, d) in delta.enumerated() { latitude += d * sin(2 * Double(index + 1) * chi) }
        let longitude = centralMeridian * .pi / 180 + atan2(sinh(etaPrime), cos(xiPrime))
        return Position(longitude * 180 / .pi, latitude * 180 / .pi)
    }

    /// The geographic box around a projected box, from its corners and edge midpoints.
    static func geographic(_ box: BoundingBox) -> BoundingBox {
        let xs = [box.minX, (box.minX + box.maxX) / 2, box.maxX]
        let ys = [box.minY, (box.minY + box.maxY) / 2, box.maxY]
        var result: BoundingBox?
        for x in xs {
            for y in ys {
                let p = geographic(Position(x, y))
                if result == nil { result = BoundingBox(p) } else { result!.extend(p) }
            }
        }
        return result!
    }
}

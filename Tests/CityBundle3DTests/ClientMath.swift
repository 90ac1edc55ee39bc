import CityBundleGeodesy
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a 3D Tiles client does with a glTF tile, written out independently of the code under test.
enum ClientMath {
    /// glTF position → ECEF: the glTF y-up to z-up rotation ((x, y, z) → (x, −z, y), 3D Tiles spec),
    /// then the column-major tile transform.
    static func ecef(_ p: SIMD3<Double>, transform m: [Double]) -> SIMD3<Double> {
        let z = SIMD4<Double>(p.x, -p.z, p.y, 1)
        return SIMD3(
            m[0] * z.x + m[4] * z.y + m[8] * z.z + m[12] * z.w,
            m[1] * z.x + m[5] * z.y + m[9] * z.z + m[13] * z.w,
            m[2] * z.x + m[6] * z.y + m[10] * z.z + m[14] * z.w)
    }

    /// ECEF → (lon, lat radians, height metres) by Bowring's method iterated to convergence.
    static func geodetic(_ p: SIMD3<Double>) -> (lon: Double, lat: Double, height: Double) {
        let a = 6_378_137.0
        let f = 1 / 298.257_223_563
        let e2 = f * (2 - f)
        let r = (p.x * p.x + p.y * p.y).squareRoot()
        var lat = atan2(p.z, r * (1 - e2))
        var height = 0.0
        for _ in 0..<20 {
            let n = a / (1 - e2 * sin(lat) * sin(lat)).squareRoot()
            height = r / cos(lat) - n
            lat = atan2(p.z, r * (1 - e2 * n / (n + height)))
        }
        return (atan2(p.y, p.x), lat, height)
    }

    static func vector(_ e: ECEF) -> SIMD3<Double> { SIMD3(e.x, e.y, e.z) }

    static func distance(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> Double {
        let d = a - b
        return (d * d).sum().squareRoot()
    }

    /// Every vertex position of every primitive of a GLB, in glTF coordinates.
    static func vertices(_ reader: GLBReader) -> [SIMD3<Double>] {
        var all: [SIMD3<Double>] = []
        for mesh in reader.array("meshes") {
            for primitive in mesh["primitives"] as? [[String: Any]] ?? [] {
                let attributes = primitive["attributes"] as? [String: Int] ?? [:]
                let values = reader.floats(accessor: attributes["POSITION"]!)
                for i in stride(from: 0, to: values.count, by: 3) {
                    all.append(SIMD3(Double(values[i]), Double(values[i + 1]), Double(values[i + 2])))
                }
            }
        }
        return all
    }
}

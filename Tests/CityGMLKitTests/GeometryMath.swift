import CityBundleModel

/// Independent geometry for the tests: Newell areas and divergence-theorem volumes.
enum GeometryMath {
    /// The area of a planar 3D ring (Newell's method: half the length of the sum of cross products).
    static func area(_ ring: [Position]) -> Double {
        var nx = 0.0
        var ny = 0.0
        var nz = 0.0
        for index in 0..<ring.count {
            let a = ring[index]
            let b = ring[(index + 1) % ring.count]
            let az = a.z ?? 0
            let bz = b.z ?? 0
            nx += (a.y - b.y) * (az + bz)
            ny += (az - bz) * (a.x + b.x)
            nz += (a.x - b.x) * (a.y + b.y)
        }
        return 0.5 * (nx * nx + ny * ny + nz * nz).squareRoot()
    }

    /// The signed volume enclosed by consistently oriented rings: Σ over fan triangles of
    /// p0 · (p1 × p2) / 6.
    static func volume(_ rings: [[Position]]) -> Double {
        var total = 0.0
        for ring in rings where ring.count >= 3 {
            let p0 = ring[0]
            for index in 1..<(ring.count - 1) {
                let p1 = ring[index]
                let p2 = ring[index + 1]
                let cx = p1.y * (p2.z ?? 0) - (p1.z ?? 0) * p2.y
                let cy = (p1.z ?? 0) * p2.x - p1.x * (p2.z ?? 0)
                let cz = p1.x * p2.y - p1.y * p2.x
                total += p0.x * cx + p0.y * cy + (p0.z ?? 0) * cz
            }
        }
        return total / 6
    }

    /// The positions of a posList string with 3 values per position.
    static func positions(_ posList: String) -> [Position] {
        let values = posList.split(separator: " ").compactMap { Double($0) }
        return stride(from: 0, to: values.count, by: 3).map { Position(values[$0], values[$0 + 1], values[$0 + 2]) }
    }
}

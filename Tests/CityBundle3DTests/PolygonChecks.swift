import CityBundle3D

/// Shapes and checks shared by the triangulation tests.
enum PolygonChecks {
    /// Twice the signed shoelace area of a ring.
    static func signedArea(_ ring: [SIMD2<Double>]) -> Double {
        var total = 0.0
        for i in ring.indices {
            let p = ring[i]
            let q = ring[(i + 1) % ring.count]
            total += p.x * q.y - q.x * p.y
        }
        return total / 2
    }

    /// Area of the outline minus its holes.
    static func polygonArea(_ rings: [[SIMD2<Double>]]) -> Double {
        guard let outer = rings.first else { return 0 }
        return abs(signedArea(outer)) - rings.dropFirst().map { abs(signedArea($0)) }.reduce(0, +)
    }

    /// Problems with a triangulation: clockwise or zero-area triangles, indices out of range, area
    /// not conserved to `tolerance` (relative).
    static func problems(_ t: Triangulation, rings: [[SIMD2<Double>]], tolerance: Double = 1e-9) -> [String] {
        var found: [String] = []
        guard t.indices.count % 3 == 0 else { return ["index count \(t.indices.count) not a multiple of 3"] }
        for k in 0..<t.triangleCount {
            let i = t.indices[3 * k]
            let j = t.indices[3 * k + 1]
            let l = t.indices[3 * k + 2]
            guard [i, j, l].allSatisfy({ t.vertices.indices.contains($0) }) else {
                found.append("triangle \(k) index out of range")
                continue
            }
            let a = t.vertices[i]
            let b = t.vertices[j]
            let c = t.vertices[l]
            let twice = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
            if !(twice > 0) { found.append("triangle \(k) (\(i), \(j), \(l)) has twice-area \(twice)") }
        }
        let expected = polygonArea(rings)
        if abs(t.area - expected) > tolerance * max(abs(expected), 1e-300) {
            found.append("area \(t.area) != polygon area \(expected)")
        }
        return found
    }

    /// Number of triangles covering `p` (strict interior only).
    static func coverage(_ t: Triangulation, at p: SIMD2<Double>) -> Int {
        var count = 0
        for k in 0..<t.triangleCount {
            let a = t.vertices[t.indices[3 * k]]
            let b = t.vertices[t.indices[3 * k + 1]]
            let c = t.vertices[t.indices[3 * k + 2]]
            func side(_ u: SIMD2<Double>, _ v: SIMD2<Double>) -> Double {
                (v.x - u.x) * (p.y - u.y) - (v.y - u.y) * (p.x - u.x)
            }
            if side(a, b) > 0 && side(b, c) > 0 && side(c, a) > 0 { count += 1 }
        }
        return count
    }

    /// Even-odd point-in-polygon over all rings.
    static func inside(_ p: SIMD2<Double>, _ rings: [[SIMD2<Double>]]) -> Bool {
        var inside = false
        for ring in rings {
            for i in ring.indices {
                let a = ring[i]
                let b = ring[(i + 1) % ring.count]
                if (a.y > p.y) != (b.y > p.y), p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x {
                    inside.toggle()
                }
            }
        }
        return inside
    }

    /// An axis-aligned rectangle, counter-clockwise.
    static func rectangle(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> [SIMD2<Double>] {
        [SIMD2(x0, y0), SIMD2(x1, y0), SIMD2(x1, y1), SIMD2(x0, y1)]
    }

    /// Points given as (x, y) pairs.
    static func ring(_ pairs: [(Double, Double)]) -> [SIMD2<Double>] {
        pairs.map { SIMD2($0.0, $0.1) }
    }
}

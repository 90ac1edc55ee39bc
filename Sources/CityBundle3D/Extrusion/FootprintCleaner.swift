/// Prepares footprint rings for extrusion, in local metres: drops non-finite and repeated points,
/// collinear and folded-back vertices, and rings without area; winds outer rings counter-clockwise and
/// holes clockwise (solid always on the left); and pulls apart rings that touch, so every building is a
/// closed 2-manifold.
struct FootprintCleaner {
    /// Points closer than this (metres) merge; vertices closer than this to the line through their
    /// neighbours are dropped.
    let tolerance: Double
    /// A vertex closer than this to another ring moves this far away from the solid.
    let separation: Double

    /// Cleaned polygons (outer ring first); nil entries are dropped polygons.
    func clean(_ polygons: [[[SIMD2<Double>]]]) -> [[[SIMD2<Double>]]] {
        var cleaned: [[[SIMD2<Double>]]] = []
        for rings in polygons {
            guard let outer = rings.first.flatMap({ cleanRing($0, counterClockwise: true) }) else { continue }
            let holes = rings.dropFirst().compactMap { cleanRing($0, counterClockwise: false) }
            cleaned.append([outer] + holes)
        }
        return separate(cleaned)
    }

    /// One ring without repeats, collinear vertices and spikes, wound as asked; nil without area.
    func cleanRing(_ ring: [SIMD2<Double>], counterClockwise: Bool) -> [SIMD2<Double>]? {
        var points: [SIMD2<Double>] = []
        for p in ring where p.x.isFinite && p.y.isFinite {
            if let last = points.last, distance(last, p) <= tolerance { continue }
            points.append(p)
        }
        var changed = true
        while changed && points.count >= 3 {
            changed = false
            if distance(points[0], points[points.count - 1]) <= tolerance {
                points.removeLast()
                changed = true
                continue
            }
            var i = 0
            while i < points.count && points.count >= 3 {
                let p = points[(i + points.count - 1) % points.count]
                let v = points[i]
                let n = points[(i + 1) % points.count]
                if distance(p, n) <= tolerance || lineDistance(v, p, n) <= tolerance {
                    points.remove(at: i)
                    changed = true
                } else {
                    i += 1
                }
            }
        }
        guard points.count >= 3 else { return nil }
        let area = signedArea(points)
        guard abs(area) > tolerance * tolerance * 100 else { return nil }
        return (area > 0) == counterClockwise ? points : points.reversed()
    }

    /// Moves every vertex that lies within `separation` of another ring's edge by `separation` along its
    /// bisector, away from the solid (the right-hand side of its edges).
    func separate(_ polygons: [[[SIMD2<Double>]]]) -> [[[SIMD2<Double>]]] {
        let rings = polygons.flatMap { $0 }
        guard rings.count > 1 else { return polygons }
        var result = polygons
        var ringIndex = 0
        for (p, polygon) in polygons.enumerated() {
            for (r, ring) in polygon.enumerated() {
                defer { ringIndex += 1 }
                for (i, v) in ring.enumerated() where touchesOtherRing(v, rings: rings, except: ringIndex) {
                    let before = ring[(i + ring.count - 1) % ring.count]
                    let after = ring[(i + 1) % ring.count]
                    result[p][r][i] = v + separation * awayFromSolid(before, v, after)
                }
            }
        }
        return result
    }

    private func touchesOtherRing(_ v: SIMD2<Double>, rings: [[SIMD2<Double>]], except own: Int) -> Bool {
        for (k, ring) in rings.enumerated() where k != own {
            for i in ring.indices where segmentDistance(v, ring[i], ring[(i + 1) % ring.count]) < separation {
                return true
            }
        }
        return false
    }

    /// Unit bisector of the right-hand normals of the edges (before → v) and (v → after).
    private func awayFromSolid(_ before: SIMD2<Double>, _ v: SIMD2<Double>, _ after: SIMD2<Double>) -> SIMD2<Double> {
        func rightNormal(_ d: SIMD2<Double>) -> SIMD2<Double> {
            let length = (d * d).sum().squareRoot()
            return SIMD2(d.y, -d.x) / length
        }
        let n1 = rightNormal(v - before)
        let n2 = rightNormal(after - v)
        let sum = n1 + n2
        let length = (sum * sum).sum().squareRoot()
        return length > 1e-6 ? sum / length : n1
    }

    private func distance(_ a: SIMD2<Double>, _ b: SIMD2<Double>) -> Double {
        let d = b - a
        return (d * d).sum().squareRoot()
    }

    /// Distance from `v` to the infinite line through `a` and `b`.
    private func lineDistance(_ v: SIMD2<Double>, _ a: SIMD2<Double>, _ b: SIMD2<Double>) -> Double {
        let d = b - a
        return abs(d.x * (v.y - a.y) - d.y * (v.x - a.x)) / distance(a, b)
    }

    /// Distance from `v` to the segment (a, b).
    private func segmentDistance(_ v: SIMD2<Double>, _ a: SIMD2<Double>, _ b: SIMD2<Double>) -> Double {
        let d = b - a
        let length2 = (d * d).sum()
        let t = length2 > 0 ? max(0, min(1, ((v - a) * d).sum() / length2)) : 0
        return distance(v, a + t * d)
    }

    private func signedArea(_ ring: [SIMD2<Double>]) -> Double {
        var total = 0.0
        for i in ring.indices {
            let p = ring[i]
            let q = ring[(i + 1) % ring.count]
            total += p.x * q.y - q.x * p.y
        }
        return total / 2
    }
}

/// The best-fit plane of a 3D polygon: Newell's normal (the direction of the polygon's vector area, so it follows
/// the exterior ring's winding) through the mean of its vertices, with an in-plane basis for projecting to 2D.
///
/// Projected with `flat`, the exterior ring runs counter-clockwise, so 2D triangles wound counter-clockwise are
/// wound like the polygon in 3D.
struct PolygonPlane {
    /// The mean of the vertices (repeated points left out).
    let centre: SIMD3<Double>
    /// Unit normal, pointing to the side from which the exterior ring runs counter-clockwise.
    let normal: SIMD3<Double>
    /// In-plane unit axes with u × v = normal.
    let u: SIMD3<Double>
    let v: SIMD3<Double>
    /// The polygon's area: the exterior's minus its holes' (each hole's vector area taken along `normal`).
    let area: Double

    /// The plane of `rings` (exterior first); nil when a vertex is not finite or the exterior has no area.
    init?(_ rings: [[SIMD3<Double>]]) {
        let points = rings.flatMap(Self.distinct)
        guard let exterior = rings.first.map(Self.distinct), exterior.count >= 3,
            points.allSatisfy({ $0.x.isFinite && $0.y.isFinite && $0.z.isFinite })
        else { return nil }
        let centre = points.reduce(SIMD3<Double>(), +) / Double(points.count)
        let outer = Self.vectorArea(exterior, about: centre)
        let length = Self.length(outer)
        // Relative to the polygon's size, so a sliver of a large polygon is still "no area".
        let extent = exterior.map { Self.length($0 - centre) }.max() ?? 0
        guard length > 1e-12 * max(extent * extent, 1e-6) else { return nil }
        let normal = outer / length
        var area = length
        for hole in rings.dropFirst() {
            area -= abs((Self.vectorArea(Self.distinct(hole), about: centre) * normal).sum())
        }
        // The in-plane axis least aligned with the normal gives the best-conditioned basis.
        let magnitudes = SIMD3(abs(normal.x), abs(normal.y), abs(normal.z))
        let axis: SIMD3<Double> =
            magnitudes.x <= magnitudes.y && magnitudes.x <= magnitudes.z
            ? SIMD3(1, 0, 0) : magnitudes.y <= magnitudes.z ? SIMD3(0, 1, 0) : SIMD3(0, 0, 1)
        let u0 = Self.cross(axis, normal)
        let u = u0 / Self.length(u0)
        self.centre = centre
        self.normal = normal
        self.u = u
        self.v = Self.cross(normal, u)
        self.area = area
    }

    /// The 2D coordinates of `p` in the plane.
    func flat(_ p: SIMD3<Double>) -> SIMD2<Double> {
        let d = p - centre
        return SIMD2((d * u).sum(), (d * v).sum())
    }

    /// The signed distance of `p` from the plane.
    func distance(_ p: SIMD3<Double>) -> Double {
        ((p - centre) * normal).sum()
    }

    /// The ring without exactly repeated consecutive points and without its closing repeat.
    static func distinct(_ ring: [SIMD3<Double>]) -> [SIMD3<Double>] {
        var kept: [SIMD3<Double>] = []
        kept.reserveCapacity(ring.count)
        for p in ring where kept.last != p { kept.append(p) }
        while kept.count > 1, kept[0] == kept[kept.count - 1] { kept.removeLast() }
        return kept
    }

    /// Newell's vector area of a ring: half the sum of the cross products of consecutive vertices about `o`.
    static func vectorArea(_ ring: [SIMD3<Double>], about o: SIMD3<Double>) -> SIMD3<Double> {
        var sum = SIMD3<Double>()
        for i in ring.indices {
            sum += cross(ring[i] - o, ring[(i + 1) % ring.count] - o)
        }
        return sum / 2
    }

    static func cross(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> SIMD3<Double> {
        SIMD3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
    }

    static func length(_ a: SIMD3<Double>) -> Double {
        (a * a).sum().squareRoot()
    }
}

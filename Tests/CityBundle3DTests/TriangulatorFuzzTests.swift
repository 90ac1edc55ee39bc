import CityBundle3D
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

private typealias P = PolygonChecks

/// A random polygon star-shaped around the origin, and optionally a hole around the origin that stays
/// inside it.
private func starPolygon(_ rng: inout SeededGenerator, withHole: Bool) -> [[SIMD2<Double>]] {
    let n = Int.random(in: 3...60, using: &rng)
    var angles: [Double] = []
    // Keep every angular gap below π so the origin really sees the whole boundary.
    repeat {
        angles = (0..<n).map { _ in Double.random(in: 0..<(2 * Double.pi), using: &rng) }.sorted()
    } while zip(angles, angles.dropFirst() + [angles[0] + 2 * Double.pi]).contains { $1 - $0 >= 0.95 * Double.pi }
    let radius = Double.random(in: 1...500, using: &rng)
    var outer: [SIMD2<Double>] = []
    for angle in angles {
        let r = radius * Double.random(in: 0.2...1, using: &rng)
        let p = SIMD2(r * cos(angle), r * sin(angle))
        if outer.last != p { outer.append(p) }
    }
    // Occasionally make it a nasty input: a repeated point, clockwise order, a collinear midpoint.
    if Bool.random(using: &rng), let first = outer.first { outer.insert(first, at: 1) }
    if outer.count > 2, Bool.random(using: &rng) { outer.insert((outer[1] + outer[2]) / 2, at: 2) }
    if Bool.random(using: &rng) { outer.reverse() }
    guard withHole else { return [outer] }
    // The origin sees the whole boundary, so the disc up to the nearest edge is inside.
    var clearance = Double.infinity
    for i in outer.indices {
        let a = outer[i]
        let b = outer[(i + 1) % outer.count]
        let d = b - a
        let length2 = (d * d).sum()
        guard length2 > 0 else { continue }
        let t = max(0, min(1, -(a * d).sum() / length2))
        let closest = a + t * d
        clearance = min(clearance, ((closest * closest).sum()).squareRoot())
    }
    let m = Int.random(in: 3...12, using: &rng)
    let phase = Double.random(in: 0..<1, using: &rng)
    let hole = (0..<m).map { k -> SIMD2<Double> in
        let angle = 2 * Double.pi * (Double(k) + phase) / Double(m)
        let r = clearance * Double.random(in: 0.2...0.8, using: &rng)
        return SIMD2(r * cos(angle), r * sin(angle))
    }
    return [outer, Bool.random(using: &rng) ? hole : hole.reversed()]
}

@Test("fuzz: 2000 seeded star-shaped polygons (3–60 vertices, half with a hole) conserve area and cover once")
func fuzzStarPolygons() {
    var rng = SeededGenerator(seed: 0xC17B_4D1E)
    var failures: [String] = []
    for trial in 0..<2000 {
        let rings = starPolygon(&rng, withHole: trial % 2 == 1)
        let t = Triangulator.triangulate(rings)
        var problems = P.problems(t, rings: rings)
        if !t.isComplete { problems.append("incomplete") }
        // Coverage: random interior points are covered by exactly one triangle, exterior ones by none.
        for _ in 0..<20 {
            let p = SIMD2(Double.random(in: -500...500, using: &rng), Double.random(in: -500...500, using: &rng))
            let expected = P.inside(p, rings) ? 1 : 0
            let covered = P.coverage(t, at: p)
            if covered != expected && abs(covered - expected) > 0 { problems.append("\(p) covered \(covered)×") }
        }
        if !problems.isEmpty { failures.append("trial \(trial): \(problems.prefix(3)) rings \(rings)") }
    }
    #expect(failures.isEmpty, "\(failures.count) failures, first: \(failures.first ?? "")")
}

@Test("fuzz: random point soups (self-crossing rings) always terminate with valid triangles only")
func fuzzPointSoup() {
    var rng = SeededGenerator(seed: 42)
    for _ in 0..<300 {
        let n = Int.random(in: 3...40, using: &rng)
        let ring = (0..<n).map { _ in
            SIMD2(Double(Int.random(in: 0...8, using: &rng)), Double(Int.random(in: 0...8, using: &rng)))
        }
        let t = Triangulator.triangulate([ring])
        for k in 0..<t.triangleCount {
            let a = t.vertices[t.indices[3 * k]]
            let b = t.vertices[t.indices[3 * k + 1]]
            let c = t.vertices[t.indices[3 * k + 2]]
            #expect((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x) > 0)
        }
    }
}

/// A star-shaped outline with thin triangular holes, each touching the outline at one of its vertices.
private func touchingHoles(_ rng: inout SeededGenerator) -> [[SIMD2<Double>]] {
    let n = Int.random(in: 5...30, using: &rng)
    let outer = (0..<n).map { k -> SIMD2<Double> in
        let angle = 2 * Double.pi * (Double(k) + Double.random(in: 0..<0.5, using: &rng)) / Double(n)
        let r = 100 * Double.random(in: 0.85...1, using: &rng)
        return SIMD2(r * cos(angle), r * sin(angle))
    }
    var rings = [outer]
    for k in stride(from: 0, to: n, by: Int.random(in: 2...5, using: &rng)) {
        let v = outer[k]
        let angle = atan2(v.y, v.x)
        let hole = [
            v, SIMD2(40 * cos(angle - 0.05), 40 * sin(angle - 0.05)),
            SIMD2(40 * cos(angle + 0.05), 40 * sin(angle + 0.05)),
        ]
        rings.append(Bool.random(using: &rng) ? hole : hole.reversed())
    }
    return rings
}

@Test("fuzz: 1000 outlines with holes touching them at vertices: exact counts, area, coverage, no T-junctions")
func fuzzTouchingHoles() {
    var rng = SeededGenerator(seed: 9)
    var failures: [String] = []
    for trial in 0..<1000 {
        let rings = touchingHoles(&rng)
        let t = Triangulator.triangulate(rings)
        var problems = P.problems(t, rings: rings)
        if !t.isComplete { problems.append("incomplete") }
        if Set(t.indices.map { t.vertices[$0] }) != Set(t.vertices) { problems.append("unused vertices") }
        // Each touching hole shares its pinch vertex, so the count is n + 2h − 2 − 2h = n − 2.
        let total = rings.map(\.count).reduce(0, +)
        if t.triangleCount != total - 2 { problems.append("\(t.triangleCount) triangles, expected \(total - 2)") }
        for _ in 0..<10 {
            let p = SIMD2(Double.random(in: -100...100, using: &rng), Double.random(in: -100...100, using: &rng))
            if P.coverage(t, at: p) != (P.inside(p, rings) ? 1 : 0) { problems.append("coverage at \(p)") }
        }
        if !problems.isEmpty { failures.append("trial \(trial): \(problems.prefix(3))") }
    }
    #expect(failures.isEmpty, "\(failures.count) failures, first: \(failures.first ?? "")")
}

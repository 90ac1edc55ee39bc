import CityBundle3D
import Testing

/// A named polygon with the triangle count its triangulation must have: n − 2 for a simple n-gon,
/// n + 2h − 2 with h holes (n counts every vertex), two fewer for each hole touching the outline at a
/// vertex (the pinch point is shared, so no bridge edge needs triangles on both sides).
struct GoldenPolygon: Sendable, CustomTestStringConvertible {
    let name: String
    let rings: [[SIMD2<Double>]]
    let triangles: Int
    var testDescription: String { name }
}

private typealias P = PolygonChecks

/// Comb with `teeth` teeth: 4 * teeth + 2 vertices… one base, teeth pointing up.
private func comb(teeth: Int) -> [SIMD2<Double>] {
    var points: [SIMD2<Double>] = [SIMD2(0, 0), SIMD2(Double(2 * teeth - 1), 0)]
    for k in stride(from: teeth - 1, through: 0, by: -1) {
        let x0 = Double(2 * k)
        points.append(SIMD2(x0 + 1, 10))
        points.append(SIMD2(x0, 10))
        if k > 0 {
            points.append(SIMD2(x0, 1))
            points.append(SIMD2(x0 - 1, 1))
        }
    }
    return points
}

let goldenPolygons: [GoldenPolygon] = [
    GoldenPolygon(name: "triangle", rings: [P.ring([(0, 0), (4, 0), (0, 3)])], triangles: 1),
    GoldenPolygon(name: "square", rings: [P.rectangle(0, 0, 10, 10)], triangles: 2),
    GoldenPolygon(name: "square clockwise", rings: [P.rectangle(0, 0, 10, 10).reversed()], triangles: 2),
    GoldenPolygon(
        name: "square closed and with repeated points",
        rings: [P.ring([(0, 0), (0, 0), (10, 0), (10, 10), (10, 10), (10, 10), (0, 10), (0, 0)])], triangles: 2),
    GoldenPolygon(
        name: "L shape", rings: [P.ring([(0, 0), (20, 0), (20, 8), (8, 8), (8, 30), (0, 30)])], triangles: 4),
    GoldenPolygon(
        name: "U shape", rings: [P.ring([(0, 0), (30, 0), (30, 20), (20, 20), (20, 8), (10, 8), (10, 20), (0, 20)])],
        triangles: 6),
    GoldenPolygon(name: "comb with 6 teeth", rings: [comb(teeth: 6)], triangles: comb(teeth: 6).count - 2),
    GoldenPolygon(
        name: "collinear points on every edge",
        rings: [P.ring([(0, 0), (5, 0), (10, 0), (10, 5), (10, 10), (5, 10), (0, 10), (0, 5)])], triangles: 6),
    GoldenPolygon(
        name: "collinear run in a concave shape",
        rings: [P.ring([(0, 0), (2, 0), (4, 0), (6, 0), (6, 2), (3, 2), (3, 6), (0, 6), (0, 4), (0, 2)])],
        triangles: 8),
    GoldenPolygon(
        name: "square with square hole", rings: [P.rectangle(0, 0, 10, 10), P.rectangle(3, 3, 7, 7)],
        triangles: 8),
    GoldenPolygon(
        name: "hole wound like the outline",
        rings: [P.rectangle(0, 0, 10, 10).reversed(), P.rectangle(3, 3, 7, 7).reversed()], triangles: 8),
    GoldenPolygon(
        name: "three holes",
        rings: [
            P.rectangle(0, 0, 40, 10), P.rectangle(2, 2, 8, 8), P.ring([(15, 2), (22, 5), (15, 8)]),
            P.rectangle(30, 2, 38, 8),
        ], triangles: 4 + 11 + 2 * 3 - 2),
    GoldenPolygon(
        name: "holes sharing an x coordinate",
        rings: [
            P.rectangle(0, 0, 10, 30), P.rectangle(3, 3, 7, 7), P.rectangle(3, 13, 7, 17), P.rectangle(3, 23, 7, 27),
        ],
        triangles: 16 + 6 - 2),
    GoldenPolygon(
        name: "hole touching the outline at its right-most vertex",
        rings: [P.ring([(0, 0), (10, 0), (12, 5), (10, 10), (0, 10)]), P.ring([(12, 5), (6, 3), (6, 7)])],
        triangles: 6),
    GoldenPolygon(
        name: "hole touching the outline at its left-most vertex",
        rings: [P.ring([(0, 0), (10, 0), (10, 10), (0, 10), (-2, 5)]), P.ring([(-2, 5), (4, 3), (4, 7)])],
        triangles: 6),
    GoldenPolygon(
        name: "hole in a concave outline, bridge blocked by a reflex vertex",
        rings: [
            P.ring([(0, 0), (20, 0), (20, 20), (12, 20), (12, 11), (11, 10.5), (12, 10), (12, 8), (0, 8)]),
            P.rectangle(2, 2, 6, 6),
        ], triangles: 13 + 2 - 2),
    GoldenPolygon(
        name: "nearly degenerate sliver",
        rings: [P.ring([(0, 0), (100, 0), (100, 1e-6), (50, 2e-6), (0, 1e-6)])], triangles: 3),
    GoldenPolygon(
        name: "sliver notch",
        rings: [P.ring([(0, 0), (10, 0), (10, 10), (5.000001, 10), (5, 1e-4), (4.999999, 10), (0, 10)])],
        triangles: 5),
    GoldenPolygon(
        name: "far from the origin (projected metres)",
        rings: [
            P.ring([
                (500_000, 3_380_000), (500_020, 3_380_000), (500_020, 3_380_008), (500_008, 3_380_008),
                (500_008, 3_380_030), (500_000, 3_380_030),
            ])
        ], triangles: 4),
]

@Test("golden and nasty polygons: exact triangle count, CCW, non-degenerate, area conserved", arguments: goldenPolygons)
func triangulatesGoldenPolygon(_ polygon: GoldenPolygon) {
    let t = Triangulator.triangulate(polygon.rings)
    #expect(t.isComplete)
    #expect(t.droppedRings.isEmpty)
    #expect(t.triangleCount == polygon.triangles)
    let problems = P.problems(t, rings: polygon.rings)
    #expect(problems.isEmpty, "\(problems)")
}

@Test("every input vertex of a clean polygon is used (no T-junctions)", arguments: goldenPolygons)
func usesEveryVertex(_ polygon: GoldenPolygon) {
    let t = Triangulator.triangulate(polygon.rings)
    let used = Set(t.indices)
    // Repeated points count once: every distinct position must appear in some triangle.
    let usedPositions = Set(used.map { t.vertices[$0] })
    #expect(usedPositions == Set(t.vertices))
}

@Test("degenerate input gives no triangles and never crashes")
func degenerateInput() {
    #expect(Triangulator.triangulate([]).triangleCount == 0)
    #expect(Triangulator.triangulate([[]]).triangleCount == 0)
    #expect(Triangulator.triangulate([P.ring([(0, 0), (1, 1)])]).triangleCount == 0)
    #expect(Triangulator.triangulate([P.ring([(0, 0), (1, 1), (2, 2), (3, 3)])]).triangleCount == 0)
    #expect(Triangulator.triangulate([P.ring([(1, 1), (1, 1), (1, 1)])]).triangleCount == 0)
    let withNaN = Triangulator.triangulate([P.ring([(0, 0), (.nan, 3), (10, 0), (10, 10), (0, 10)])])
    #expect(withNaN.triangleCount == 2)
    let degenerateHole = Triangulator.triangulate([P.rectangle(0, 0, 10, 10), P.ring([(2, 2), (3, 3), (4, 4)])])
    #expect(degenerateHole.triangleCount == 2 && degenerateHole.droppedRings == [1])
}

@Test("self-crossing input terminates and never emits clockwise or degenerate triangles")
func selfCrossingInput() {
    let bowtie = P.ring([(0, 0), (10, 10), (10, 0), (0, 10)])
    let t = Triangulator.triangulate([bowtie])
    for k in 0..<t.triangleCount {
        let a = t.vertices[t.indices[3 * k]]
        let b = t.vertices[t.indices[3 * k + 1]]
        let c = t.vertices[t.indices[3 * k + 2]]
        #expect((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x) > 0)
    }
    let holeOutside = Triangulator.triangulate([P.rectangle(0, 0, 10, 10), P.rectangle(20, 20, 30, 30)])
    #expect(holeOutside.triangleCount >= 0)
}

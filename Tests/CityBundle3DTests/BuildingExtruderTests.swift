import CityBundle3D
import CityBundleModel
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

private typealias P = PolygonChecks

private func polygon(_ rings: [[SIMD2<Double>]]) -> Geometry {
    .polygon(rings.map { ring in ring.map { Position($0.x, $0.y) } })
}

private func expectClosedAndOutward(_ mesh: TriangleMesh, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let open = MeshChecks.watertightProblems(mesh)
    #expect(open.isEmpty, "\(open.prefix(5))", sourceLocation: sourceLocation)
    let normals = MeshChecks.normalProblems(mesh)
    #expect(normals.isEmpty, "\(normals.prefix(5))", sourceLocation: sourceLocation)
    #expect(MeshChecks.volume(mesh) > 0, sourceLocation: sourceLocation)
}

@Test("a box from a 4-point footprint: 12 triangles, 24 vertices, volume = area × height, closed")
func extrudesBox() throws {
    let solid = try BuildingExtruder().extrude(
        polygon([P.rectangle(0, 0, 20, 10)]), baseHeight: 0, topHeight: 15, featureID: 7)
    let mesh = solid.merged
    #expect(mesh.triangleCount == 12)
    #expect(mesh.vertexCount == 24)
    #expect(solid.walls.triangleCount == 8 && solid.roof.triangleCount == 2 && solid.floor.triangleCount == 2)
    #expect(abs(MeshChecks.volume(mesh) - 3000) <= 1e-6 * 3000)
    #expect(mesh.featureIDs.allSatisfy { $0 == 7 })
    expectClosedAndOutward(mesh)
    // glTF axes: x = east, y = up, z = −north.
    let bounds = try #require(mesh.bounds)
    #expect(bounds.min == SIMD3(0, 0, -10) && bounds.max == SIMD3(20, 15, 0))
}

@Test("winding of the input does not matter: a clockwise footprint gives the same outward box")
func extrudesClockwiseFootprint() throws {
    let mesh = try BuildingExtruder().extrude(
        polygon([P.rectangle(0, 0, 20, 10).reversed()]), baseHeight: 0, topHeight: 15, featureID: 0
    ).merged
    #expect(mesh.triangleCount == 12)
    #expect(abs(MeshChecks.volume(mesh) - 3000) <= 1e-6 * 3000)
    expectClosedAndOutward(mesh)
}

@Test("an L-shape: 20 triangles, 36 vertices, exact volume")
func extrudesLShape() throws {
    let ring = P.ring([(0, 0), (20, 0), (20, 8), (8, 8), (8, 30), (0, 30)])
    let mesh = try BuildingExtruder().extrude(polygon([ring]), baseHeight: 0, topHeight: 12, featureID: 0).merged
    #expect(mesh.triangleCount == 4 + 4 + 12)
    #expect(mesh.vertexCount == 6 + 6 + 24)
    let volume = (20 * 8 + 8 * 22) * 12.0
    #expect(abs(MeshChecks.volume(mesh) - volume) <= 1e-6 * volume)
    expectClosedAndOutward(mesh)
}

@Test("a courtyard keeps its hole: volume = (outer − hole) × height, the courtyard centre is outside")
func extrudesCourtyard() throws {
    let rings = [P.rectangle(0, 0, 30, 30), P.rectangle(10, 10, 20, 20)]
    let mesh = try BuildingExtruder().extrude(polygon(rings), baseHeight: 0, topHeight: 9, featureID: 0).merged
    #expect(mesh.triangleCount == 8 + 8 + 16)
    #expect(mesh.vertexCount == 8 + 8 + 32)
    let volume = (900 - 100) * 9.0
    #expect(abs(MeshChecks.volume(mesh) - volume) <= 1e-6 * volume)
    expectClosedAndOutward(mesh)
    // Courtyard centre (15, 15) at mid-height: glTF (15, 4.5, −15).
    #expect(!MeshChecks.contains(mesh, SIMD3(15, 4.5, -15)))
    #expect(MeshChecks.contains(mesh, SIMD3(5, 4.5, -15)))
    #expect(!MeshChecks.contains(mesh, SIMD3(-5, 4.5, -15)))
}

@Test("min_height: the solid spans base to top, volume = area × (top − base)")
func extrudesFromMinHeight() throws {
    let mesh = try BuildingExtruder().extrude(
        polygon([P.rectangle(0, 0, 10, 10)]), baseHeight: 5, topHeight: 20, featureID: 0
    ).merged
    let bounds = try #require(mesh.bounds)
    #expect(bounds.min.y == 5 && bounds.max.y == 20)
    #expect(abs(MeshChecks.volume(mesh) - 1500) <= 1e-6 * 1500)
    expectClosedAndOutward(mesh)
}

@Test("height 0 or negative gives no mesh but an error the caller can flag", arguments: [0.0, -3.0, .nan])
func refusesNonPositiveHeight(_ top: Double) {
    #expect(throws: ExtrusionError.self) {
        try BuildingExtruder().extrude(
            polygon([P.rectangle(0, 0, 10, 10)]), baseHeight: 0, topHeight: top, featureID: 0)
    }
}

@Test("lines and empty footprints are refused")
func refusesNonPolygons() {
    #expect(throws: ExtrusionError.notPolygonal("LineString")) {
        try BuildingExtruder().extrude(
            .lineString([Position(0, 0), Position(1, 1)]), baseHeight: 0, topHeight: 1, featureID: 0)
    }
    #expect(throws: ExtrusionError.emptyFootprint) {
        try BuildingExtruder().extrude(
            polygon([P.ring([(0, 0), (5, 0), (10, 0)])]), baseHeight: 0, topHeight: 1, featureID: 0)
    }
}

@Test("repeated, closing and collinear points are dropped first: still a 12-triangle box")
func cleansDirtyFootprint() throws {
    let ring = P.ring([(0, 0), (0, 0), (10, 0), (20, 0), (20, 0.0000001), (20, 10), (20, 10), (0, 10), (0, 5), (0, 0)])
    let mesh = try BuildingExtruder().extrude(polygon([ring]), baseHeight: 0, topHeight: 3, featureID: 0).merged
    #expect(mesh.triangleCount == 12)
    #expect(abs(MeshChecks.volume(mesh) - 600) <= 1e-6 * 600)
    expectClosedAndOutward(mesh)
}

@Test("a courtyard touching the outline at a vertex is pulled 1 cm apart and stays a closed 2-manifold")
func separatesTouchingCourtyard() throws {
    let rings = [P.ring([(0, 0), (10, 0), (12, 5), (10, 10), (0, 10)]), P.ring([(12, 5), (6, 3), (6, 7)])]
    let mesh = try BuildingExtruder().extrude(polygon(rings), baseHeight: 0, topHeight: 4, featureID: 0).merged
    expectClosedAndOutward(mesh)
    let volume = P.polygonArea(rings) * 4
    #expect(abs(MeshChecks.volume(mesh) - volume) <= 1e-3 * volume)
}

@Test("a MultiPolygon with two parts (one with a hole) gives one closed, outward mesh")
func extrudesMultiPolygon() throws {
    let footprint = Geometry.multiPolygon([
        [P.rectangle(0, 0, 10, 10)].map { $0.map { Position($0.x, $0.y) } },
        [P.rectangle(20, 0, 40, 20), P.rectangle(25, 5, 35, 15)].map { $0.map { Position($0.x, $0.y) } },
    ])
    let mesh = try BuildingExtruder().extrude(footprint, baseHeight: 0, topHeight: 10, featureID: 3).merged
    expectClosedAndOutward(mesh)
    #expect(abs(MeshChecks.volume(mesh) - (100 + 300) * 10) <= 1e-6 * 4000)
}

@Test("star-shaped fuzz footprints with holes extrude closed, volume = area × height (less cleaning)")
func extrudesFuzzFootprints() throws {
    var rng = SeededGenerator(seed: 2024)
    for _ in 0..<200 {
        let n = Int.random(in: 3...40, using: &rng)
        let outer = (0..<n).map { k -> SIMD2<Double> in
            let angle = 2 * Double.pi * (Double(k) + Double.random(in: 0..<0.8, using: &rng)) / Double(n)
            let r = Double.random(in: 30...60, using: &rng)
            return SIMD2(r * cos(angle), r * sin(angle))
        }
        let rings = n >= 6 ? [outer, P.rectangle(-5, -5, 5, 5).reversed()] : [outer]
        let height = Double.random(in: 1...100, using: &rng)
        let mesh = try BuildingExtruder().extrude(polygon(rings), baseHeight: 0, topHeight: height, featureID: 0).merged
        #expect(MeshChecks.watertightProblems(mesh).isEmpty)
        // Cleaning may drop vertices within 1 mm of their neighbours' line: at most 1 mm × perimeter.
        let perimeter = rings.map { ring in
            ring.indices.map { i in
                let d = ring[(i + 1) % ring.count] - ring[i]
                return (d * d).sum().squareRoot()
            }.reduce(0, +)
        }.reduce(0, +)
        let volume = P.polygonArea(rings) * height
        #expect(abs(MeshChecks.volume(mesh) - volume) <= (1e-6 * P.polygonArea(rings) + 0.001 * perimeter) * height)
    }
}

import CityBundle3D
import CityBundleModel
import Testing

@Test("a box of six typed polygons: 12 triangles, closed, outward, volume and kinds kept, one material per kind")
func meshesTypedBox() throws {
    let result = try SurfaceMesher().mesh(SurfaceShapes.box(0, 0, 0, 20, 10, 6), featureID: 3)
    #expect(result.issues.isEmpty)
    let mesh = result.meshes.merged
    #expect(mesh.triangleCount == 12)
    #expect(MeshChecks.watertightProblems(mesh).isEmpty)
    #expect(MeshChecks.normalProblems(mesh).isEmpty)
    #expect(abs(MeshChecks.volume(mesh) - 1200) <= 1e-6 * 1200)
    #expect(mesh.featureIDs.allSatisfy { $0 == 3 })
    #expect(SurfaceShapes.triangleCounts(mesh) == [.ground: 2, .roof: 2, .wall: 8])
    #expect(result.meshes.usedMaterials == [.buildingWall, .buildingRoof, .buildingGround])
    #expect(result.meshes[.buildingRoof].surfaceKinds.allSatisfy { $0 == .roof })
    // glTF axes: x = east, y = up, z = −north.
    let bounds = try #require(mesh.bounds)
    #expect(bounds.min == SIMD3(0, 0, -10) && bounds.max == SIMD3(20, 6, 0))
}

@Test("the polygon's own winding is kept: a ring clockwise from above faces down, counter-clockwise faces up")
func keepsWinding() throws {
    let ring: [SIMD3<Double>] = [SIMD3(0, 0, 5), SIMD3(4, 0, 5), SIMD3(4, 3, 5), SIMD3(0, 3, 5)]
    for (points, up) in [(ring, true), (Array(ring.reversed()), false)] {
        let result = try SurfaceMesher().mesh([LocalSurface(kind: .other, rings: [points])], featureID: 0)
        let mesh = result.meshes[.buildingOther]
        #expect(mesh.triangleCount == 2)
        #expect(MeshChecks.normalProblems(mesh).isEmpty)
        #expect((0..<mesh.vertexCount).allSatisfy { mesh.normal($0) == SIMD3(0, up ? 1 : -1, 0) })
    }
}

@Test("a tilted wall with a window: triangles cover the wall minus the window, in the wall's plane")
func meshesHoleInTiltedPlane() throws {
    // A 10 × 6 rectangle in the plane x + z = 10 (leaning 45°), with a 2 × 2 window (clockwise seen from outside).
    func point(_ s: Double, _ t: Double) -> SIMD3<Double> {
        SIMD3(10 - t / 2.0.squareRoot(), s, t / 2.0.squareRoot())
    }
    let outer = [point(0, 0), point(10, 0), point(10, 6), point(0, 6)]
    let window = [point(4, 2), point(4, 4), point(6, 4), point(6, 2)]
    let result = try SurfaceMesher().mesh([LocalSurface(kind: .wall, rings: [outer, window])], featureID: 0)
    #expect(result.issues.isEmpty)
    let mesh = result.meshes[.buildingWall]
    let area = (0..<mesh.triangleCount).map { MeshChecks.area(mesh, $0) }.reduce(0, +)
    #expect(abs(area - 56) < 1e-4)
    #expect(MeshChecks.normalProblems(mesh).isEmpty)
    for v in 0..<mesh.vertexCount {
        let p = SIMD3<Double>(mesh.position(v))  // glTF: (east, up, −north)
        #expect(abs(p.x + p.y - 10) < 1e-5)
    }
}

@Test("polygons without area are reported by index and left out; nothing at all to mesh throws")
func reportsDegeneratePolygons() throws {
    var surfaces = SurfaceShapes.box(0, 0, 0, 4, 4, 4)
    let line = LocalSurface(kind: .wall, rings: [[SIMD3(0, 0, 0), SIMD3(1, 0, 0), SIMD3(2, 0, 0), SIMD3(0, 0, 0)]])
    surfaces.insert(line, at: 2)
    let result = try SurfaceMesher().mesh(surfaces, featureID: 0)
    #expect(result.issues == [.noArea(surface: 2)])
    #expect(result.meshes.merged.triangleCount == 12)
    #expect(throws: SurfaceMeshError.noTriangles(surfaces: 1)) { try SurfaceMesher().mesh([line], featureID: 0) }
}

@Test("a WGS 84 surface without height or with NaN is refused, naming surface, ring and vertex")
func refusesBadPositions() {
    let frame = SampleTiles.frame
    let good = SampleTiles.rectangle(0, 0, 10, 10).map { Position($0.x, $0.y, 5) }
    var flat = good
    flat[2] = Position(good[2].x, good[2].y)
    #expect(throws: SurfaceMeshError.missingHeight(surface: 1, ring: 0, vertex: 2)) {
        try SurfaceMesher().mesh(
            [TypedSurface(kind: .roof, exterior: good), TypedSurface(kind: .roof, exterior: flat)], in: frame,
            featureID: 0)
    }
    var broken = good
    broken[1] = Position(.nan, good[1].y, 5)
    #expect(throws: SurfaceMeshError.nonFinite(surface: 0, ring: 1, vertex: 1)) {
        try SurfaceMesher().mesh(
            [TypedSurface(kind: .wall, exterior: good, holes: [broken])], in: frame, featureID: 0)
    }
}

@Test("labels map to kinds: CityGML labels as themselves, anything else other; codes are stable")
func surfaceKindLabels() {
    #expect(SurfaceKind(label: "roof") == .roof && SurfaceKind(label: "outer_floor") == .outerFloor)
    #expect(SurfaceKind(label: "window") == .other && SurfaceKind(label: "unclassified") == .other)
    #expect(SurfaceKind.allCases.map(\.code) == Array(0..<7))
    #expect(SurfaceKind.allCases.allSatisfy { SurfaceKind(code: $0.code) == $0 })
    #expect(SurfaceKind.closure.material == .buildingOther && SurfaceKind.ground.material == .buildingGround)
}

@Test("an extruded footprint is typed too: walls wall, roof roof, floor ground, each in its material")
func extrusionIsTyped() throws {
    let feature = SampleTiles.building("r", nil, height: 10, [SampleTiles.rectangle(0, 0, 20, 10)])
    let meshes = try FeatureMesher().mesh(feature, in: SampleTiles.frame, featureID: 0)
    #expect(meshes.usedMaterials == [.buildingWall, .buildingRoof, .buildingGround])
    #expect(SurfaceShapes.triangleCounts(meshes[.buildingWall]) == [.wall: 8])
    #expect(SurfaceShapes.triangleCounts(meshes[.buildingRoof]) == [.roof: 2])
    #expect(SurfaceShapes.triangleCounts(meshes[.buildingGround]) == [.ground: 2])
    // The roof faces up, the ground down.
    #expect(meshes[.buildingRoof].normal(0).y == 1 && meshes[.buildingGround].normal(0).y == -1)
    #expect(MeshChecks.watertightProblems(meshes.merged).isEmpty)
}

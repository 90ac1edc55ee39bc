import CityBundle3D
import CityBundleModel
import Testing

@Test("a marker is a closed, outward octagonal pin of 30 triangles standing on the ground")
func markerIsClosedPin() throws {
    let mesh = ScenicSiteMesher().marker(east: 100, north: -50, ground: 2, featureID: 4)
    #expect(mesh.triangleCount == 30)
    #expect(MeshChecks.watertightProblems(mesh).isEmpty)
    #expect(MeshChecks.normalProblems(mesh).isEmpty)
    #expect(MeshChecks.volume(mesh) > 0)
    let bounds = try #require(mesh.bounds)
    #expect(bounds.min.y == 2 && abs(bounds.max.y - 10) < 1e-5)
    #expect(MeshChecks.contains(mesh, SIMD3(100, 3, 50)))
    #expect(mesh.featureIDs.allSatisfy { $0 == 4 })
}

@Test("an area is a thin closed slab whose top is 0.5 m above the ground")
func areaIsSlab() throws {
    let footprint = Geometry.polygon([[Position(0, 0), Position(50, 0), Position(50, 30), Position(0, 30)]])
    let mesh = try ScenicSiteMesher().area(footprint, ground: 10, featureID: 0)
    #expect(MeshChecks.watertightProblems(mesh).isEmpty)
    #expect(MeshChecks.normalProblems(mesh).isEmpty)
    let bounds = try #require(mesh.bounds)
    #expect(bounds.max.y == 10.5 && abs(bounds.min.y - 10.4) < 1e-5)
    #expect(abs(MeshChecks.volume(mesh) - 1500 * 0.1) < 1e-3)
}

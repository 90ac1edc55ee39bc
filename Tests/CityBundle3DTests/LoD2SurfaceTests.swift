import CityBundle3D
import CityBundleModel
import Foundation
import Testing

private typealias C = CityGMLSurfaces

private let gltfChecks = ["EXPECT_CLOSED": "1", "EXPECT_EXTENSIONS": "EXT_mesh_features,EXT_structural_metadata"]

private func record(_ id: String, height: Double) -> FeatureRecord {
    FeatureRecord(id: id, name: nil, height: height, kind: "building", source: "citygml", heightEstimated: false)
}

/// The house read through CityGMLKit into WGS 84 and meshed in `SampleTiles.frame`, as one-building tile content.
private func houseContent() throws -> (surfaces: [TypedSurface], content: TileContent) {
    let surfaces = try C.typedSurfaces(C.house, declaredCRS: C.tangentCRS)
    let result = try SurfaceMesher().mesh(surfaces, in: SampleTiles.frame, featureID: 0)
    #expect(result.issues.isEmpty)
    return (surfaces, TileContent(meshes: result.meshes, features: [record("Building_01", height: 9)]))
}

/// Writes `glb` to a temporary file and runs the independent validator with `EXPECT_CLOSED=1` and both extensions.
private func expectValid(_ glb: [UInt8], _ label: String, sourceLocation: Testing.SourceLocation = #_sourceLocation)
    throws
{
    let directory = try TestPaths.temporaryDirectory(label)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("\(label).glb")
    try Data(glb).write(to: file)
    if let result = try Validator.checkGLTF([file.path], environment: gltfChecks) {
        #expect(result.status == 0, "check_gltf.sh failed:\n\(result.output)", sourceLocation: sourceLocation)
    }
}

@Test("LoD2 house: roof area and volume measured in the GLB equal those of the source coordinates (24·√18, 540)")
func houseRoofAreaAndVolume() throws {
    let source = try C.sourcePolygons(C.house)
    let expectedRoof = source.filter { $0.kind == "roof" }.map { C.area($0.ring) }.reduce(0, +)
    let expectedVolume = C.volume(source.map(\.ring))
    // Two 12 m × √18 m slopes; a 6 × 12 × 6 box with a 3 m gable prism on top.
    #expect(abs(expectedRoof - 24 * 18.0.squareRoot()) < 1e-9)
    #expect(abs(expectedVolume - (6 * 12 * 6 + 0.5 * 6 * 3 * 12)) < 1e-9)

    let (surfaces, content) = try houseContent()
    let reader = try GLBReader(try GLBWriter().encode(content, frame: SampleTiles.frame))
    let names = try reader.surfaceTypeNames()
    let triangles = reader.triangles()
    let roof = triangles.filter { $0.surfaceIDs.map { names[$0[0]] } == "roof" }.map(\.area).reduce(0, +)
    let volume = triangles.map(\.signedVolume).reduce(0, +)
    // ENU equals the source metres to ~2e-6 relative here (about 1e-6 measured); 32-bit positions add ~1e-7.
    #expect(abs(roof - expectedRoof) <= 1e-5 * expectedRoof, "roof \(roof) vs \(expectedRoof)")
    #expect(abs(volume - expectedVolume) <= 1e-5 * expectedVolume, "volume \(volume) vs \(expectedVolume)")

    // The solid checks measure the same from the polygons, and find nothing wrong.
    let report = SolidCheck().check(try SampleTiles.frame.local(surfaces))
    #expect(report.problems.isEmpty, "\(report.problems)")
    #expect(abs((report.volume ?? 0) - expectedVolume) <= 1e-5 * expectedVolume)
    #expect(abs((report.areaByKind[.roof] ?? 0) - expectedRoof) <= 1e-5 * expectedRoof)
    #expect((report.worstPlanarity?.distance ?? 1) < 1e-4)
}

@Test(
    "LoD2 house GLB: valid and closed, 3 materials, _FEATURE_ID_1 everywhere, triangles per surface_type as in the file"
)
func houseGLBStructure() throws {
    let (_, content) = try houseContent()
    let glb = try GLBWriter().encode(content, frame: SampleTiles.frame)
    try expectValid(glb, "lod2-house")
    let reader = try GLBReader(glb)
    let materials = reader.array("materials").compactMap { $0["name"] as? String }
    #expect(Set(materials) == ["building_roof", "building_wall", "building_ground"] && materials.count == 3)
    let surfacesTable = try #require(reader.propertyTable(named: "surfaces"))
    for mesh in reader.array("meshes") {
        for primitive in try #require(mesh["primitives"] as? [[String: Any]]) {
            #expect((primitive["attributes"] as? [String: Int])?["_FEATURE_ID_1"] != nil)
            let ext = (primitive["extensions"] as? [String: Any])?["EXT_mesh_features"] as? [String: Any]
            let sets = try #require(ext?["featureIds"] as? [[String: Any]])
            #expect(sets.count == 2)
            #expect(sets.last?["attribute"] as? Int == 1 && sets.last?["label"] as? String == "surface")
            #expect(sets.last?["propertyTable"] as? Int == surfacesTable.index && sets.last?["nullFeatureId"] == nil)
        }
    }

    // Each polygon of n distinct vertices (no holes) is n − 2 triangles; all three corners share the type, and the
    // type's material.
    let source = try C.sourcePolygons(C.house)
    let expected = source.reduce(into: [String: Int]()) { $0[$1.kind, default: 0] += $1.ring.count - 2 }
    #expect(expected == ["ground": 2, "wall": 10, "roof": 4])
    let names = try reader.surfaceTypeNames()
    var counts: [String: Int] = [:]
    for triangle in reader.triangles() {
        let ids = try #require(triangle.surfaceIDs)
        #expect(Set(ids).count == 1)
        counts[names[ids[0]], default: 0] += 1
        #expect(triangle.material == "building_\(names[ids[0]])")
    }
    #expect(counts == expected)
}

@Test("a lifted roof vertex is reported non-planar with the roof's index and the deviation of the source quad")
func houseNonPlanarRoof() throws {
    var surfaces = try C.typedSurfaces(C.house, declaredCRS: C.tangentCRS)
    let source = try C.sourcePolygons(C.house)
    #expect(surfaces.map(\.kind.rawValue) == source.map(\.kind))
    let roof = try #require(surfaces.firstIndex { $0.kind == .roof })
    let lift = 0.2
    let corner = 2
    surfaces[roof].rings[0][corner].z! += lift

    let report = SolidCheck().check(try SampleTiles.frame.local(surfaces))
    let nonPlanar = report.problems.compactMap { problem -> (surface: Int, deviation: Double)? in
        if case .nonPlanar(let surface, let deviation) = problem { return (surface, deviation) }
        return nil
    }
    // Independently: a quad lies ±d from the plane parallel to both diagonals through its centre, where 2d is the
    // distance between the diagonals' midpoints along that plane's normal.
    var p = source[roof].ring
    #expect(p.count == 4)
    p[corner].z += lift
    let normal = MeshChecks.cross(p[2] - p[0], p[3] - p[1])
    let unit = normal / (normal * normal).sum().squareRoot()
    let expected = abs((((p[0] + p[2]) - (p[1] + p[3])) / 2 * unit).sum()) / 2
    #expect(nonPlanar.count == 1 && nonPlanar.first?.surface == roof)
    #expect(abs((nonPlanar.first?.deviation ?? 0) - expected) < 1e-4, "\(nonPlanar) vs \(expected)")
    #expect(report.worstPlanarity?.surface == roof)
    // Not repaired: the mesher still triangulates it as it is.
    #expect(try SurfaceMesher().mesh(surfaces, in: SampleTiles.frame, featureID: 0).issues.isEmpty)
}

@Test("the house without a wall is an open solid: the gap's edges are the wall's, used once by its neighbours")
func houseWithoutWall() throws {
    var surfaces = try C.typedSurfaces(C.house, declaredCRS: C.tangentCRS)
    var source = try C.sourcePolygons(C.house)
    let wall = try #require(surfaces.firstIndex { $0.kind == .wall })
    surfaces.remove(at: wall)
    let removed = source.remove(at: wall)
    let neighbours = Set(source.indices.filter { !source[$0].edges.isDisjoint(with: removed.edges) })
    #expect(neighbours.count == 4)

    let report = SolidCheck().check(try SampleTiles.frame.local(surfaces))
    #expect(report.volume == nil && !report.isClosed)
    let open = report.problems.compactMap { problem -> SolidEdge? in
        if case .openEdge(let edge) = problem { return edge }
        return nil
    }
    #expect(open.count == report.problems.count && open.count == removed.ring.count)
    #expect(Set(open.flatMap(\.surfaces)) == neighbours)
    // Local ENU equals the source metres here: each gap edge is an edge of the removed wall.
    func near(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> Bool { ((a - b) * (a - b)).sum() < 1e-6 }
    let ring = removed.ring
    for edge in open {
        let matches = ring.indices.contains { i in
            let a = ring[i]
            let b = ring[(i + 1) % ring.count]
            return (near(edge.from, a) && near(edge.to, b)) || (near(edge.from, b) && near(edge.to, a))
        }
        #expect(matches, "\(edge) is not an edge of the removed wall")
    }
}

@Test("a georeferenced LoD2 house (UTM 32N + DHHN2016): closed, planar, volume as in the source, valid GLB")
func georeferencedHouse() throws {
    let surfaces = try C.typedSurfaces(C.georeferencedHouse)
    let source = try C.sourcePolygons(C.georeferencedHouse)
    #expect(surfaces.map(\.kind.rawValue) == source.map(\.kind))
    let first = try #require(surfaces.first?.rings.first?.first)
    // Orthometric heights: the frame's ground height is given in the same system.
    let frame = TileFrame(lon: first.x, lat: first.y, height: first.z ?? 0)
    let report = SolidCheck().check(try frame.local(surfaces))
    #expect(report.problems.isEmpty, "\(report.problems)")
    let expected = C.volume(source.map(\.ring))
    #expect(abs(expected - 200) < 1e-9)
    // UTM's scale factor here (0.9996 × ~1.00002) makes ground distances ~0.04 % longer than grid ones, so
    // the volume in local metres is ~0.08 % larger than in the file's (200.16 m³ measured).
    #expect(abs((report.volume ?? 0) / expected - 1) < 0.002, "\(report.volume ?? 0) vs \(expected)")
    let result = try SurfaceMesher().mesh(surfaces, in: frame, featureID: 0)
    let content = TileContent(meshes: result.meshes, features: [record("ade", height: 5)])
    try expectValid(try GLBWriter().encode(content, frame: frame), "lod2-utm")
}

@Test("one tile with the LoD2 house and an extruded footprint: both typed, closed, valid")
func mixedTile() throws {
    var (_, content) = try houseContent()
    let extruded = SampleTiles.building("b", nil, height: 10, [SampleTiles.rectangle(30, 0, 50, 10)])
    content.meshes.append(try FeatureMesher().mesh(extruded, in: SampleTiles.frame, featureID: 1))
    content.features.append(extruded.record)
    let glb = try GLBWriter().encode(content, frame: SampleTiles.frame)
    try expectValid(glb, "mixed")
    let reader = try GLBReader(glb)
    let names = try reader.surfaceTypeNames()
    // Triangles east of x = 25 m are the extruded building's.
    var counts: [String: Int] = [:]
    for triangle in reader.triangles() where triangle.corners.allSatisfy({ $0.x > 25 }) {
        counts[names[try #require(triangle.surfaceIDs?.first)], default: 0] += 1
    }
    #expect(counts == ["wall": 8, "roof": 2, "ground": 2])
}

@Test("untyped geometry in a typed primitive gets nullFeatureId; a tile without typed geometry has no surfaces table")
func untypedGeometry() throws {
    let extruder = BuildingExtruder()
    let solid = try extruder.extrude(
        polygons: [[PolygonChecks.rectangle(0, 0, 10, 8)]], baseHeight: 0, topHeight: 6, featureID: 0)
    let typedSolid = try extruder.extrude(
        polygons: [[PolygonChecks.rectangle(20, 0, 30, 8)]], baseHeight: 0, topHeight: 6, featureID: 1)
    var content = TileContent()
    content.meshes.append(solid.walls, as: .buildingWall)
    content.meshes.append(solid.caps, as: .buildingRoof)
    content.meshes.append(typedSolid.typedMeshes)
    content.features = [record("plain", height: 6), record("typed", height: 6)]
    let glb = try GLBWriter().encode(content, frame: SampleTiles.frame)
    try expectValid(glb, "nulls")
    let reader = try GLBReader(glb)
    var nulls: [Int] = []
    for mesh in reader.array("meshes") {
        for primitive in mesh["primitives"] as? [[String: Any]] ?? [] {
            let ext = (primitive["extensions"] as? [String: Any])?["EXT_mesh_features"] as? [String: Any]
            let sets = ext?["featureIds"] as? [[String: Any]] ?? []
            if let null = sets.dropFirst().first?["nullFeatureId"] as? Int { nulls.append(null) }
        }
    }
    #expect(nulls == [SurfaceKind.allCases.count, SurfaceKind.allCases.count])

    var scenic = TileContent()
    scenic.meshes.append(solid.merged, as: .scenicArea)
    scenic.features = [record("park", height: 6)]
    let plain = try GLBReader(try GLBWriter().encode(scenic, frame: SampleTiles.frame))
    #expect(plain.propertyTable(named: "surfaces") == nil)
    #expect(plain.triangles().allSatisfy { $0.surfaceIDs == nil })
}

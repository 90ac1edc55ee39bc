import CityBundle3D
import Foundation
import Testing

@Test("a sample tile passes the independent validator (closed meshes, EXT_mesh_features + EXT_structural_metadata)")
func sampleTilePassesValidator() throws {
    let content = TileContent(meshing: SampleTiles.features, in: SampleTiles.frame)
    #expect(content.skipped.isEmpty)
    let glb = try GLBWriter().encode(content, frame: SampleTiles.frame)
    let directory = try TestPaths.temporaryDirectory("glb")
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("sample.glb")
    try Data(glb).write(to: file)
    guard
        let result = try Validator.checkGLTF(
            [file.path],
            environment: ["EXPECT_CLOSED": "1", "EXPECT_EXTENSIONS": "EXT_mesh_features,EXT_structural_metadata"])
    else { return }
    #expect(result.status == 0, "check_gltf.sh failed:\n\(result.output)")
}

@Test("the GLB parses back: framing, 8-byte aligned views, exact POSITION bounds, property table = inputs")
func glbRoundTrip() throws {
    let features = SampleTiles.features
    let content = TileContent(meshing: features, in: SampleTiles.frame)
    let reader = try GLBReader(try GLBWriter().encode(content, frame: SampleTiles.frame))
    #expect(reader.json["extensionsUsed"] as? [String] == ["EXT_mesh_features", "EXT_structural_metadata"])
    let asset = try #require(reader.json["asset"] as? [String: Any])
    #expect(asset["version"] as? String == "2.0")
    let extras = try #require(asset["extras"] as? [String: Any])
    let origin = try #require(extras["origin"] as? [String: Double])
    #expect(origin["lon"] == SampleTiles.yellowCrane.lon && origin["lat"] == SampleTiles.yellowCrane.lat)
    #expect((extras["enuToEcef"] as? [Double])?.count == 16)
    #expect(extras["frame"] as? String == "ENU, metres, glTF Y-up")
    for view in reader.array("bufferViews") { #expect((view["byteOffset"] as? Int ?? 0) % 8 == 0) }
    #expect(reader.array("nodes").allSatisfy { $0["matrix"] == nil && $0["translation"] == nil })
    for mesh in reader.array("meshes") {
        for primitive in try #require(mesh["primitives"] as? [[String: Any]]) {
            let attributes = try #require(primitive["attributes"] as? [String: Int])
            let accessor = reader.array("accessors")[attributes["POSITION"]!]
            let values = reader.floats(accessor: attributes["POSITION"]!)
            for axis in 0..<3 {
                // Compared as Float: Foundation's JSON parser may be off by an ulp of Double.
                let column = stride(from: axis, to: values.count, by: 3).map { values[$0] }
                #expect(((accessor["min"] as? [Double])?[axis]).map(Float.init) == column.min())
                #expect(((accessor["max"] as? [Double])?[axis]).map(Float.init) == column.max())
            }
            let ext = try #require((primitive["extensions"] as? [String: Any])?["EXT_mesh_features"] as? [String: Any])
            let ids = try #require((ext["featureIds"] as? [[String: Any]])?.first as? [String: Int])
            #expect(ids == ["featureCount": features.count, "attribute": 0, "propertyTable": 0])
            let featureIDs = reader.floats(accessor: attributes["_FEATURE_ID_0"]!)
            #expect(featureIDs.allSatisfy { $0 == $0.rounded() && Int($0) < features.count })
        }
    }
    #expect(reader.propertyTable["count"] as? Int == features.count)
    #expect(reader.strings("id") == features.map(\.record.id))
    #expect(reader.strings("name") == features.map { $0.record.name ?? "" })
    #expect(reader.strings("name").first == "黄鹤楼")
    #expect(reader.strings("kind") == features.map(\.record.kind))
    #expect(reader.strings("source") == features.map(\.record.source))
    #expect(reader.doubles("height") == features.map(\.record.height))
    #expect(reader.booleans("height_estimated") == features.map(\.record.heightEstimated))
}

@Test("the same input gives byte-identical GLB output")
func glbIsDeterministic() throws {
    let first = try GLBWriter().encode(
        TileContent(meshing: SampleTiles.features, in: SampleTiles.frame), frame: SampleTiles.frame)
    let second = try GLBWriter().encode(
        TileContent(meshing: SampleTiles.features, in: SampleTiles.frame), frame: SampleTiles.frame)
    #expect(first == second)
}

@Test("tiles without features or triangles are refused")
func glbRefusesEmptyTiles() {
    #expect(throws: GLBError.noFeatures) { try GLBWriter().encode(TileContent(), frame: SampleTiles.frame) }
    let record = FeatureRecord(id: "x", name: nil, height: 1, kind: "building", source: "s", heightEstimated: false)
    #expect(throws: GLBError.noGeometry) {
        try GLBWriter().encode(TileContent(features: [record]), frame: SampleTiles.frame)
    }
}

@Test("buildings sharing a wall go to separate meshes, so each stays closed when merged by position")
func touchingBuildingsAreSeparated() throws {
    let extruder = BuildingExtruder()
    var content = TileContent()
    for (id, east) in [(0, 0.0), (1, 10.0), (2, 20.0)] {
        let ring = PolygonChecks.rectangle(east, 0, east + 10, 8)
        let solid = try extruder.extrude(polygons: [[ring]], baseHeight: 0, topHeight: 6, featureID: UInt32(id))
        content.meshes.append(solid.walls, as: .buildingWall)
        content.meshes.append(solid.caps, as: .buildingRoof)
        content.features.append(
            FeatureRecord(
                id: "row-\(id)", name: nil, height: 6, kind: "building", source: "test", heightEstimated: false))
    }
    let directory = try TestPaths.temporaryDirectory("row")
    defer { try? FileManager.default.removeItem(at: directory) }
    let environment = ["EXPECT_CLOSED": "1", "EXPECT_EXTENSIONS": "EXT_mesh_features,EXT_structural_metadata"]
    let separated = try GLBWriter().encode(content, frame: SampleTiles.frame)
    #expect(try GLBReader(separated).array("meshes").count == 2)
    let good = directory.appendingPathComponent("separated.glb")
    try Data(separated).write(to: good)
    if let result = try Validator.checkGLTF([good.path], environment: environment) {
        #expect(result.status == 0, "\(result.output)")
    }
    // The reason: in one mesh, the shared walls' edges are used four times.
    let merged = try GLBWriter(separatesTouchingFeatures: false).encode(content, frame: SampleTiles.frame)
    let bad = directory.appendingPathComponent("merged.glb")
    try Data(merged).write(to: bad)
    if let result = try Validator.checkGLTF([bad.path], environment: environment) {
        #expect(result.status != 0)
    }
}

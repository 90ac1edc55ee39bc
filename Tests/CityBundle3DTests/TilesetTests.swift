import CityBundle3D
import CityBundleGeodesy
import CityBundleModel
import Foundation
import Testing

/// A grid of `columns` × `rows` buildings, 20 m × 15 m on a 30 m pitch, south-west of 黄鹤楼.
private func buildingGrid(_ columns: Int, _ rows: Int) -> [TileFeature] {
    var features: [TileFeature] = []
    for i in 0..<columns {
        for j in 0..<rows {
            let e = Double(i) * 30 - 600
            let n = Double(j) * 30 - 450
            features.append(
                SampleTiles.building(
                    "g-\(i)-\(j)", j == 0 ? "楼 \(i)" : nil, height: 5 + Double((i + j) % 7) * 4,
                    [
                        SampleTiles.rectangle(e, n, e + 20, n + 15)
                    ]))
        }
    }
    return features
}

/// Checks the parsed `tileset.json` against the built contents; returns every content file's path.
private func checkTileset(_ built: BuiltTileset, in directory: URL) throws -> [String] {
    let json = try #require(try JSONSerialization.jsonObject(with: Data(built.tilesetJSON)) as? [String: Any])
    #expect((json["asset"] as? [String: Any])?["version"] as? String == "1.1")
    let root = try #require(json["root"] as? [String: Any])
    #expect(root["refine"] as? String == "ADD")
    #expect((json["geometricError"] as? Double ?? 0) > (root["geometricError"] as? Double ?? .infinity))
    var files: [String] = []
    func visit(_ tile: [String: Any], parentRegion: [Double]?, parentError: Double?) throws {
        let region = try #require((tile["boundingVolume"] as? [String: Any])?["region"] as? [Double])
        let error = try #require(tile["geometricError"] as? Double)
        if let parentError { #expect(error < parentError) }
        if let p = parentRegion {
            #expect(p[0] <= region[0] && p[1] <= region[1] && p[2] >= region[2] && p[3] >= region[3])
            #expect(p[4] <= region[4] && p[5] >= region[5])
        }
        if let uri = (tile["content"] as? [String: Any])?["uri"] as? String {
            #expect(!uri.hasPrefix("/") && !uri.contains(".."))
            let path = directory.appendingPathComponent(uri).path
            files.append(path)
            let transform = try #require(tile["transform"] as? [Double])
            let reader = try GLBReader(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
            for vertex in ClientMath.vertices(reader) {
                let g = ClientMath.geodetic(ClientMath.ecef(vertex, transform: transform))
                let inside =
                    g.lon >= region[0] && g.lon <= region[2] && g.lat >= region[1] && g.lat <= region[3]
                    && g.height >= region[4] && g.height <= region[5]
                if !inside {
                    Issue.record("\(uri): vertex \(vertex) at \(g) is outside region \(region)")
                    break
                }
            }
        }
        for child in tile["children"] as? [[String: Any]] ?? [] {
            try visit(child, parentRegion: region, parentError: error)
        }
    }
    try visit(root, parentRegion: nil, parentError: nil)
    return files
}

@Test("a 1200-building tileset: quadtree of GLBs, valid tileset.json, regions hold content, validator passes")
func buildsTileset() throws {
    let features = buildingGrid(40, 30)
    let builder = TilesetBuilder(planner: QuadtreePlanner(maxFeaturesPerTile: 500), groundHeight: 8)
    let result = try builder.build(features)
    #expect(result.skipped.isEmpty)
    let built = try #require(result.tileset)
    #expect(built.contents.count >= 4)
    let directory = try TestPaths.temporaryDirectory("tileset")
    defer { try? FileManager.default.removeItem(at: directory) }
    try built.write(to: directory)
    let files = try checkTileset(built, in: directory)
    #expect(files.count == built.contents.count)
    // A building corner lands where its lon/lat says, through tileset.json exactly as a client reads it.
    let corner = SampleTiles.offset(-600, -450)
    let truth = ClientMath.vector(Geodesic.ecef(lon: corner.x, lat: corner.y, height: 8))
    var nearest = Double.infinity
    let json = try #require(try JSONSerialization.jsonObject(with: Data(built.tilesetJSON)) as? [String: Any])
    func leaves(_ tile: [String: Any]) -> [[String: Any]] {
        let children = tile["children"] as? [[String: Any]] ?? []
        return children.isEmpty ? [tile] : children.flatMap(leaves)
    }
    for leaf in leaves(json["root"] as! [String: Any]) {
        let uri = try #require((leaf["content"] as? [String: Any])?["uri"] as? String)
        let reader = try GLBReader(Array(try Data(contentsOf: directory.appendingPathComponent(uri))))
        let transform = try #require(leaf["transform"] as? [Double])
        for v in ClientMath.vertices(reader) {
            nearest = min(nearest, ClientMath.distance(ClientMath.ecef(v, transform: transform), truth))
        }
    }
    #expect(nearest < 0.1, "nearest vertex is \(nearest) m from the corner")
    if let check = try Validator.checkGLTF(
        files, environment: ["EXPECT_CLOSED": "1", "EXPECT_EXTENSIONS": "EXT_mesh_features,EXT_structural_metadata"])
    {
        #expect(check.status == 0, "\(check.output)")
    }
}

@Test("the same features give byte-identical tileset.json and GLBs")
func tilesetIsDeterministic() throws {
    let builder = TilesetBuilder(planner: QuadtreePlanner(maxFeaturesPerTile: 50))
    let first = try #require(try builder.build(buildingGrid(12, 10)).tileset)
    let second = try #require(try builder.build(buildingGrid(12, 10)).tileset)
    #expect(first.tilesetJSON == second.tilesetJSON)
    #expect(first.contents == second.contents)
}

@Test("the Wuhan sample (OSM buildings, scenic sites) builds into valid, closed tiles")
func buildsWuhanSample() throws {
    let features = try GeoJSONFixtures.wuhan()
    #expect(features.count == 43 + 355 + 36)
    let result = try TilesetBuilder(planner: QuadtreePlanner(maxFeaturesPerTile: 100), groundHeight: 10).build(features)
    let built = try #require(result.tileset)
    // Left out: the 90 label points of buildings (no footprint) and the one building whose height is 0.
    #expect(result.skipped.filter { $0.reason == .notPolygonal("Point") }.count == 90)
    #expect(result.skipped.filter { $0.reason == .nonPositiveHeight(base: 0, top: 0) }.count == 1)
    #expect(result.skipped.count == 91, "\(result.skipped)")
    let directory = try TestPaths.temporaryDirectory("wuhan")
    defer { try? FileManager.default.removeItem(at: directory) }
    try built.write(to: directory)
    let files = try checkTileset(built, in: directory)
    if let check = try Validator.checkGLTF(
        files, environment: ["EXPECT_CLOSED": "1", "EXPECT_EXTENSIONS": "EXT_mesh_features,EXT_structural_metadata"])
    {
        #expect(check.status == 0, "\(check.output)")
    }
}

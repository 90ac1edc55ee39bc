import CityBundle3D
import CityBundleModel
import Foundation
import Testing

@Test("the spool gives back every feature exactly, in any order, and leaves no file behind")
func spoolRoundTrip() throws {
    let directory = try TestPaths.temporaryDirectory("spool")
    defer { try? FileManager.default.removeItem(at: directory) }
    let spool = try FeatureSpool(directory: directory.path)
    var originals: [TileFeature] = []
    for i in 0..<3000 {
        var feature = SampleTiles.building(
            "b-\(i)", i % 3 == 0 ? nil : "楼 \(i)", height: Double(i % 50) + 0.25,
            [
                SampleTiles.rectangle(Double(i), 0, Double(i) + 10, 12),
                SampleTiles.rectangle(Double(i) + 2, 2, Double(i) + 4, 4).reversed(),
            ])
        feature.minHeight = Double(i % 4)
        if i % 7 == 0 {
            feature.geometry = .geometryCollection([.point(Position(114.3, 30.5, 12.5)), feature.geometry])
        }
        originals.append(feature)
        try spool.append(feature)
    }
    #expect(spool.count == 3000)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty, "the scratch file is unlinked")
    for i in stride(from: 2999, through: 0, by: -13) {
        #expect(try spool.feature(at: i) == originals[i])
        #expect(spool.bounds(at: i) == originals[i].geometry.bounds)
    }
}

@Test("a streamed build emits the same tiles and tileset.json as the in-memory one")
func streamedBuildMatches() throws {
    var features: [TileFeature] = []
    for i in 0..<30 {
        for j in 0..<20 {
            features.append(
                SampleTiles.building(
                    "s-\(i)-\(j)", nil, height: 6 + Double(j),
                    [SampleTiles.rectangle(Double(i) * 25, Double(j) * 25, Double(i) * 25 + 15, Double(j) * 25 + 10)]))
        }
    }
    let builder = TilesetBuilder(planner: QuadtreePlanner(maxFeaturesPerTile: 60), groundHeight: 5)
    let memory = try #require(try builder.build(features).tileset)
    let spool = try FeatureSpool()
    for feature in features { try spool.append(feature) }
    var emitted: [TileFile] = []
    let streamed = try builder.build(spool) { emitted.append($0) }
    #expect(streamed.tilesetJSON == memory.tilesetJSON)
    #expect(emitted == memory.contents)
    #expect(streamed.tileCount == emitted.count && emitted.count > 4)
}

@Test("meshing in parallel parts gives the same content and GLB bytes as meshing in one pass")
func parallelMeshingMatches() throws {
    let features = try GeoJSONFixtures.wuhan()
    let frame = TileFrame(lon: 114.3, lat: 30.55, height: 10)
    let sequential = TileContent(meshing: features, in: frame)
    let parallel = TileContent(meshingInParallel: features, in: frame, partSize: 37)
    #expect(parallel == sequential)
    #expect(try GLBWriter().encode(parallel, frame: frame) == GLBWriter().encode(sequential, frame: frame))
}

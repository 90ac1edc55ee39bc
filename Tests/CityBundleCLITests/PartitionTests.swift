import CityBundleTesting
import Foundation
import Testing

/// Partitioned layers: a large layer is also published as GeoJSON tiles on the 3D quadtree, and an update
/// to one feature changes one GeoJSON tile and one GLB, nothing else of the layer.
@Suite("Partitioned layers")
struct PartitionTests {
    let directory = TemporaryDirectory()

    func manifest(_ version: String) throws -> [String: String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: directory.file("public/city/\(version)/manifest.json")))
        let files = (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["files"] as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: files.map { ($0["path"] as! String, $0["sha256"] as! String) })
    }

    @Test("tiles hold every feature once; one changed height changes one GeoJSON tile and one GLB")
    func partitionsAndUpdates() throws {
        let generated = try ExternalCommand.citybundle([
            "generate-city", "--buildings", "1500", "--seed", "7", "--output", directory.path,
        ])
        #expect(generated.status == 0, "\(generated.stderr)")
        try """
        pipeline: city
        title: Partitioned city
        extent: [113.6, 29.9, 115.2, 31.5]
        sources:
          - id: buildings
            path: buildings.geojson
            kind: building
            fields: {id: bid, name: name, height: height, floors: levels}
        outputs:
          geojson:
            partition: {min_features: 1000}
          3dtiles: {max_features_per_tile: 100}
        publish:
          rights: {owner: T, contact: t@example.org, terms: test, licence: CC0-1.0}
        """.write(toFile: directory.file("city.yaml"), atomically: true, encoding: .utf8)
        func run(_ version: String) throws {
            let result = try ExternalCommand.citybundle([
                "run", directory.file("city.yaml"), "--output", directory.file("public"), "--state",
                directory.file("state"), "--version", version, "-q",
            ])
            #expect(result.status == 0, "\(result.stderr)")
        }
        try run("2026.11.25")
        let tiles = directory.file("public/city/2026.11.25/buildings_tiles")
        let index =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(tiles)/index.json")))
            as? [String: Any]
        let entries = index?["tiles"] as? [[String: Any]] ?? []
        #expect(entries.count > 10)
        #expect(entries.reduce(0) { $0 + ($1["features"] as? Int ?? 0) } == 1500)
        var ids: [String] = []
        for entry in entries {
            let path = "\(tiles)/\(entry["href"] as! String)"
            let summary = try GeoJSONSummary.of(path)
            #expect(summary.count == entry["features"] as? Int)
            #expect(summary.count <= 100)
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
            ids += ((object as? [String: Any])?["features"] as? [[String: Any]] ?? []).compactMap {
                $0["id"] as? String
            }
        }
        #expect(ids.count == 1500 && Set(ids).count == 1500)
        // The tiles are the 3D output's tiles: the same keys.
        let glbs = try FileManager.default.contentsOfDirectory(
            atPath: directory.file("public/city/2026.11.25/buildings_3dtiles/content"))
        #expect(
            Set(glbs.map { $0.replacingOccurrences(of: ".glb", with: "") })
                == Set(entries.map { $0["key"] as! String }))
        let check = try ExternalCommand.validate(
            "check_geojson.sh", entries.prefix(3).map { "\(tiles)/\($0["href"] as! String)" })
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")

        // One building gets 3 m taller.
        let input = directory.file("buildings.geojson")
        var text = try String(contentsOfFile: input, encoding: .utf8)
        let anchor = try #require(text.range(of: #""bid":"WH00000777""#) ?? text.range(of: #""bid": "WH00000777""#))
        let height = try #require(text.range(of: #""height":"#, range: anchor.upperBound..<text.endIndex))
        text.insert(contentsOf: "3+", at: height.upperBound)
        let number = try #require(
            text.range(of: #"3\+[0-9.]+"#, options: .regularExpression, range: height.upperBound..<text.endIndex))
        let old = Double(text[number].dropFirst(2))!
        text.replaceSubrange(number, with: String(old + 3))
        try text.write(toFile: input, atomically: true, encoding: .utf8)
        try run("2026.11.26")
        let first = try manifest("2026.11.25")
        let second = try manifest("2026.11.26")
        let changed = second.filter { first[$0.key] != $0.value }.map(\.key)
        #expect(
            changed.filter { $0.hasPrefix("buildings_tiles/") && $0.hasSuffix(".geojson") }.count == 1, "\(changed)")
        #expect(changed.filter { $0.hasSuffix(".glb") }.count == 1, "\(changed)")
        #expect(
            Set(first.keys.filter { $0.hasPrefix("buildings_tiles/") })
                == Set(second.keys.filter { $0.hasPrefix("buildings_tiles/") }))
    }
}

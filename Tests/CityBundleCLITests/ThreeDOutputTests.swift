import CityBundleGeodesy
import CityBundleTesting
import Foundation
import Testing

/// GLB and 3D Tiles from the command line and from pipelines, checked by the independent glTF
/// validator and placed on the WGS 84 ellipsoid.
@Suite("3D outputs")
struct ThreeDOutputTests {
    let gltfChecks = ["EXPECT_CLOSED": "1", "EXPECT_EXTENSIONS": "EXT_mesh_features,EXT_structural_metadata"]

    @Test("convert writes a closed GLB with feature ids and a property table")
    func convertGLB() throws {
        let directory = TemporaryDirectory()
        let glb = directory.file("hanyang.glb")
        let result = try ExternalCommand.citybundle([
            "convert", Fixtures.dataset("wuhan/osm_buildings_hanyang_sample.geojson"), glb, "--kind", "building",
            "--name-field", "name",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let check = try ExternalCommand.validate("check_gltf.sh", [glb], environment: gltfChecks)
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.contains("gltf: 1 files, 0 errors"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: glb))
        #expect(bytes.prefix(4) == Data("glTF".utf8))
        // The property table carries the Chinese names of the named buildings.
        #expect(bytes.range(of: Data("国博会议中心".utf8)) != nil)
    }

    @Test("a pipeline writes a 3D Tiles 1.1 tileset placed in Wuhan, on the geoid, with valid GLB tiles")
    func tileset() throws {
        let directory = TemporaryDirectory()
        let pipeline = directory.file("w3d.yaml")
        try """
        pipeline: w3d
        title: 3D
        sources:
          - id: buildings
            path: \(Fixtures.dataset("wuhan/osm_buildings_hanyang_sample.geojson"))
            kind: building
            fields: {name: name}
          - id: sites
            path: \(Fixtures.dataset("wuhan/scenic_sites.geojson"))
            kind: scenic_site
            fields: {id: qid, name: name}
        outputs:
          geojson: {}
          3dtiles: {max_features_per_tile: 12}
        publish:
          rights: {owner: T, contact: t@example.org, terms: test, licence: ODbL-1.0}
        """.write(toFile: pipeline, atomically: true, encoding: .utf8)
        let output = directory.file("public")
        let result = try ExternalCommand.citybundle([
            "run", pipeline, "--output", output, "--state", directory.file("state"), "-q",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let version = try Fixtures.latestVersionDirectory(root: output, bundle: "w3d")
        let tileset = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: "\(version)/buildings_3dtiles/tileset.json")))
                as? [String: Any])
        #expect((tileset["asset"] as? [String: Any])?["version"] as? String == "1.1")
        let glbs = try FileManager.default.subpathsOfDirectory(atPath: version).filter { $0.hasSuffix(".glb") }
            .map { "\(version)/\($0)" }
        #expect(glbs.count > 4)
        let check = try ExternalCommand.validate("check_gltf.sh", glbs, environment: gltfChecks)
        #expect(check.status == 0, "\(check.stdout)")

        // Every tile transform's origin lies in Hanyang, on the EGM96 geoid (PROJ's cs2cs says where).
        let geoid = try ExternalCommand.run(
            "cs2cs", ["-d", "4", "EPSG:4326+5773", "EPSG:4979"], stdin: "30.52 114.24 0\n")
        let expectedHeight = try #require(
            Double(geoid.stdout.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })[2]))
        #expect(expectedHeight < -10 && expectedHeight > -20)
        var origins = 0
        func visit(_ tile: [String: Any]) {
            if let transform = tile["transform"] as? [Double], transform.count == 16 {
                let (lon, lat, height) = Self.geodetic(x: transform[12], y: transform[13], z: transform[14])
                #expect(lon > 114.22 && lon < 114.26 && lat > 30.50 && lat < 30.54)
                #expect(abs(height - expectedHeight) < 1.0)
                origins += 1
            }
            for child in tile["children"] as? [[String: Any]] ?? [] { visit(child) }
        }
        visit(try #require(tileset["root"] as? [String: Any]))
        #expect(origins > 1)
        // The published manifest covers the tiles too.
        let manifest = try String(contentsOfFile: "\(version)/manifest.json", encoding: .utf8)
        #expect(manifest.contains("buildings_3dtiles/tileset.json"))
    }

    /// ECEF to WGS 84 longitude, latitude (degrees) and ellipsoidal height (Bowring's method, iterated).
    static func geodetic(x: Double, y: Double, z: Double) -> (Double, Double, Double) {
        let a = 6_378_137.0
        let e2 = 6.694_379_990_14e-3
        let p = (x * x + y * y).squareRoot()
        var lat = atan2(z, p * (1 - e2))
        var height = 0.0
        for _ in 0..<10 {
            let n = a / (1 - e2 * sin(lat) * sin(lat)).squareRoot()
            height = p / cos(lat) - n
            lat = atan2(z, p * (1 - e2 * n / (n + height)))
        }
        return (atan2(y, x) * 180 / .pi, lat * 180 / .pi, height)
    }
}

/// CityGML sources in a pipeline: footprints with their ids to GeoJSON, buildings to GLB.
@Suite("CityGML in pipelines")
struct CityGMLPipelineTests {
    @Test("the LoD2 house becomes a valid GeoJSON footprint and a closed GLB meshed from its typed surfaces")
    func house() throws {
        let directory = TemporaryDirectory()
        let pipeline = directory.file("gml.yaml")
        try """
        pipeline: gml
        title: CityGML
        sources:
          - id: house
            path: \(Fixtures.shared("citygml/citygml4j_LOD2_Building_v100.gml"))
            kind: building
            crs: EPSG:25832
            anonymise: {keep_unlisted: true}
        outputs:
          geojson: {}
          glb: {}
        """.write(toFile: pipeline, atomically: true, encoding: .utf8)
        let result = try ExternalCommand.citybundle([
            "run", pipeline, "--output", directory.file("out"), "--state", directory.file("state"), "-q",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let geojson = directory.file("out/gml/house.geojson")
        let check = try ExternalCommand.validate("check_geojson.sh", [geojson], environment: ["EXPECT_COUNT": "1"])
        #expect(check.status == 0, "\(check.stdout)")
        #expect(try String(contentsOfFile: geojson, encoding: .utf8).contains(#""id":"Building_01""#))
        let glb = try ExternalCommand.validate(
            "check_gltf.sh", [directory.file("out/gml/house.glb")],
            environment: ["EXPECT_CLOSED": "1", "EXPECT_EXTENSIONS": "EXT_mesh_features,EXT_structural_metadata"])
        #expect(glb.status == 0, "\(glb.stdout)")
        // Roof, walls and ground keep their CityGML types: a material each and a per-triangle surface_type.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: directory.file("out/gml/house.glb")))
        let jsonLength = Int(bytes[12]) | Int(bytes[13]) << 8 | Int(bytes[14]) << 16 | Int(bytes[15]) << 24
        let json = try #require(try JSONSerialization.jsonObject(with: bytes[20..<(20 + jsonLength)]) as? [String: Any])
        let materials = (json["materials"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(Set(materials) == ["building_roof", "building_wall", "building_ground"])
        let primitives = (json["meshes"] as? [[String: Any]] ?? []).flatMap {
            $0["primitives"] as? [[String: Any]] ?? []
        }
        #expect(!primitives.isEmpty)
        #expect(primitives.allSatisfy { ($0["attributes"] as? [String: Any])?["_FEATURE_ID_1"] != nil })
        let accessors = json["accessors"] as? [[String: Any]] ?? []
        var triangles: [String: Int] = [:]
        for primitive in primitives {
            let material = materials[primitive["material"] as! Int]
            triangles[material, default: 0] += (accessors[primitive["indices"] as! Int]["count"] as! Int) / 3
        }
        // The house: 2 ground, 10 wall and 4 roof triangles (n − 2 per polygon of the file).
        #expect(triangles == ["building_ground": 2, "building_wall": 10, "building_roof": 4])
    }
}

import CityBundleModel
import CityBundlePublish
import CityBundleTesting
import Foundation
import Testing

/// A publish root, a key kept outside it, and a staging folder holding real Wuhan files: the 36 scenic sites
/// (CC0, Wikidata), 43 Hanyang OSM buildings in a subfolder (ODbL) and a CSV table of the scenic sites made from
/// the GeoJSON.
final class WuhanFixture: @unchecked Sendable {
    let base: String
    let root: String
    let staging: String
    let keyPath: String
    let key: SigningKey
    let clock = TestSupport.ManualClock("2026-11-25T08:00:00Z")

    init() throws {
        base = try TestSupport.makeDirectory()
        root = "\(base)/public"
        staging = "\(base)/staging"
        keyPath = "\(base)/keys/wuhan-2026.key"
        try FileManager.default.createDirectory(atPath: "\(staging)/buildings", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: "\(base)/keys", withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: TestSupport.dataset("scenic_sites.geojson"), toPath: "\(staging)/scenic_sites.geojson")
        try FileManager.default.copyItem(
            atPath: TestSupport.dataset("osm_buildings_hanyang_sample.geojson"),
            toPath: "\(staging)/buildings/hanyang_buildings.geojson")
        try Self.writeScenicTable(from: "\(staging)/scenic_sites.geojson", to: "\(staging)/scenic_sites.csv")
        key = try SigningKey.generate(id: "wuhan-2026").write(to: keyPath)
    }

    deinit { TestSupport.removeTree(base) }

    /// The publisher with this fixture's clock.
    func publisher(checkpoint: @escaping @Sendable (PublishCheckpoint) throws -> Void = { _ in }) -> BundlePublisher {
        BundlePublisher(clock: clock.function, checkpoint: checkpoint)
    }

    /// The layers of the staged files, with feature counts and extents read from the GeoJSON.
    func layers(buildingCount: Int? = nil) throws -> [LayerInfo] {
        let scenic = try GeoJSONSummary.of("\(staging)/scenic_sites.geojson")
        let buildings = try GeoJSONSummary.of("\(staging)/buildings/hanyang_buildings.geojson")
        return [
            LayerInfo(
                id: "scenic_sites", title: "Scenic sites and landmarks", kind: .scenicSite,
                files: [LayerFile("scenic_sites.geojson"), LayerFile("scenic_sites.csv")], featureCount: scenic.count,
                bbox: scenic.bbox, license: "CC0-1.0", attribution: "Wikidata",
                source: "Wikidata landmarks of Wuhan (36 records with coordinates)",
                fields: [
                    SchemaField("qid", .string), SchemaField("name", .string), SchemaField("lon", .number),
                    SchemaField("lat", .number),
                ]),
            LayerInfo(
                id: "hanyang_buildings", title: "Hanyang buildings", kind: .building,
                files: [LayerFile("buildings/hanyang_buildings.geojson")],
                featureCount: buildingCount ?? buildings.count, bbox: buildings.bbox, license: "ODbL-1.0",
                attribution: "© OpenStreetMap contributors",
                source: "OpenStreetMap building footprints in Hanyang",
                fields: [SchemaField("building", .string), SchemaField("name", .string)]),
        ]
    }

    /// A request for this fixture.
    func request(
        version: String? = nil, license: String = "ODbL-1.0", gate: PublishGate = PublishGate(),
        buildingCount: Int? = nil, retain: Int? = nil, key: SigningKey? = nil
    ) throws -> PublishRequest {
        PublishRequest(
            root: root, bundleID: "wuhan", title: "Wuhan open city data",
            description: "Scenic sites of Wuhan from Wikidata and OpenStreetMap buildings of Hanyang.",
            version: version, stagingDirectory: staging, layers: try layers(buildingCount: buildingCount),
            rights: RightsInfo(
                owner: "Wuhan Municipal Bureau of Natural Resources and Planning", contact: "opendata@wuhan.example",
                usageTerms: "Free to use, share and adapt with attribution; derived databases under ODbL.",
                license: license, registration: "WH-DATA-2026-0001"),
            provenance: [
                "citybundle": "0.1.0",
                "pipelineSHA256": "9f2c0000000000000000000000000000000000000000000000000000000000aa",
                "inputs": [
                    ["path": "Datasets/wuhan/scenic_sites.geojson", "sha256": "4d56f9f8…"],
                    ["path": "Datasets/wuhan/osm_buildings_hanyang_sample.geojson"],
                ],
                "stages": ["normalise": ["decimals": 7]],
            ],
            signingKey: key ?? self.key, gate: gate, retainVersions: retain)
    }

    /// Replaces a staged file's bytes (a new edition of the data).
    func editStaged(_ path: String, appending text: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: "\(staging)/\(path)"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    /// Trusts the fixture's key.
    var trusted: TrustedKeys { TrustedKeys(key) }

    /// Verifies the bundle with a fresh state.
    func verify(version: String? = nil) -> VerificationReport {
        var state = VerifierState()
        return BundleVerifier.verify(
            root: root, bundle: "wuhan", version: version, trustedKeys: trusted, state: &state, now: clock.now)
    }

    private static func writeScenicTable(from geojson: String, to csv: String) throws {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: geojson)))
        let features = ((object as? [String: Any])?["features"] as? [[String: Any]]) ?? []
        var lines = ["qid,name,lon,lat"]
        for feature in features {
            let properties = feature["properties"] as? [String: Any] ?? [:]
            let coordinates = (feature["geometry"] as? [String: Any])?["coordinates"] as? [Double] ?? [0, 0]
            let name = (properties["name"] as? String ?? "").replacingOccurrences(of: "\"", with: "\"\"")
            lines.append("\(properties["qid"] as? String ?? ""),\"\(name)\",\(coordinates[0]),\(coordinates[1])")
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: csv))
    }
}

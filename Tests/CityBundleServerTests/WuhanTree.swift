import CityBundleModel
import CityBundlePublish
import CityBundleTesting
import Foundation

/// A real published tree in a temporary folder: the Wuhan scenic sites (with `id` = Wikidata QID, as the
/// pipeline writes them), the Hanyang buildings and the Optics Valley buildings, signed with a key kept outside
/// the root. Scenic sites and Hanyang buildings are also published as FlatGeobuf with a spatial index (made by
/// `ogr2ogr`); the Optics Valley layer has GeoJSON only, so the server falls back to it.
final class WuhanTree: @unchecked Sendable {
    /// The first version published.
    static let firstVersion = "2026.11.25"

    let base: String
    let root: String
    let staging: String
    let key: SigningKey
    let keyPath: String

    /// Publishes the first version.
    init() throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("cb-serve-\(UUID().uuidString)").path
        root = "\(base)/public"
        staging = "\(base)/staging"
        keyPath = "\(base)/keys/wuhan.key"
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: "\(base)/keys", withIntermediateDirectories: true)
        key = try SigningKey.generate(id: "wuhan-test").write(to: keyPath)
        try key.exportPublicKey(to: keyPath + ".pub.json")
        try Self.writeScenicSites(to: "\(staging)/scenic_sites.geojson")
        try FileManager.default.copyItem(
            atPath: Fixtures.dataset("wuhan/osm_buildings_hanyang_sample.geojson"),
            toPath: "\(staging)/hanyang_buildings.geojson")
        try FileManager.default.copyItem(
            atPath: Fixtures.dataset("wuhan/optics_valley_buildings.geojson"),
            toPath: "\(staging)/optics_valley_buildings.geojson")
        try makeFlatGeobuf("scenic_sites")
        try makeFlatGeobuf("hanyang_buildings")
        try publish(version: Self.firstVersion)
    }

    deinit {
        _ = try? ExternalCommand.run("/bin/chmod", ["-R", "u+w", base])
        try? FileManager.default.removeItem(atPath: base)
    }

    /// The public key file (`.pub.json`).
    var publicKeyPath: String { keyPath + ".pub.json" }

    /// The folder of a published version.
    func versionDirectory(_ version: String = firstVersion) -> String { "\(root)/wuhan/\(version)" }

    /// Publishes the staged files as `version`.
    func publish(version: String) throws {
        let clock = Timestamp.date("2026-11-25T08:00:00Z")!
        let publisher = BundlePublisher(clock: { clock })
        _ = try publisher.publish(
            PublishRequest(
                root: root, bundleID: "wuhan", title: "Wuhan open city data",
                description: "Scenic sites of Wuhan from Wikidata and OpenStreetMap buildings.", version: version,
                stagingDirectory: staging, layers: try layers(),
                rights: RightsInfo(
                    owner: "Wuhan Municipal Data Bureau (test)", contact: "opendata@wuhan.example",
                    usageTerms: "Free to use with attribution; derived databases under ODbL.", license: "ODbL-1.0"),
                signingKey: key))
    }

    /// The layers of the staged files.
    private func layers() throws -> [LayerInfo] {
        func info(_ id: String, _ title: String, _ kind: DataKind, _ files: [String], _ license: String, _ by: String)
            throws -> LayerInfo
        {
            let (count, bbox) = try GeoJSONSummary.of("\(staging)/\(id).geojson")
            return LayerInfo(
                id: id, title: title, kind: kind, files: files.map { LayerFile($0) }, featureCount: count, bbox: bbox,
                license: license, attribution: by, source: "Datasets/wuhan")
        }
        return [
            try info(
                "scenic_sites", "Landmarks and scenic sites", .scenicSite,
                ["scenic_sites.geojson", "scenic_sites.fgb"],
                "CC0-1.0", "Wikidata"),
            try info(
                "hanyang_buildings", "Hanyang buildings", .building,
                ["hanyang_buildings.geojson", "hanyang_buildings.fgb"], "ODbL-1.0", "© OpenStreetMap contributors"),
            try info(
                "optics_valley_buildings", "Optics Valley buildings", .building, ["optics_valley_buildings.geojson"],
                "ODbL-1.0", "© OpenStreetMap contributors"),
        ]
    }

    private func makeFlatGeobuf(_ layer: String) throws {
        let result = try ExternalCommand.run(
            "ogr2ogr",
            ["-f", "FlatGeobuf", "-lco", "SPATIAL_INDEX=YES", "\(staging)/\(layer).fgb", "\(staging)/\(layer).geojson"])
        guard result.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: ["stderr": result.stderr]) }
    }

    /// The sample's scenic sites with the Wikidata QID as feature id.
    private static func writeScenicSites(to path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.dataset("wuhan/scenic_sites.geojson")))
        guard var collection = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let features = collection["features"] as? [[String: Any]]
        else { throw CocoaError(.fileReadCorruptFile) }
        collection["features"] = features.map { feature in
            var feature = feature
            var properties = feature["properties"] as? [String: Any] ?? [:]
            feature["id"] = properties.removeValue(forKey: "qid") ?? NSNull()
            feature["properties"] = properties
            return feature
        }
        try JSONSerialization.data(withJSONObject: collection, options: [.sortedKeys]).write(
            to: URL(fileURLWithPath: path))
    }
}

import CityBundleModel
import CityBundlePublish
import CityBundleTesting
import Foundation

/// A real published tree in a temporary folder (Wuhan scenic sites, Hanyang and Optics Valley buildings), its
/// signing key outside the root, and a folder for the fetched copies.
final class PublishedFixture: @unchecked Sendable {
    static let first = "2026.11.25"
    static let second = "2026.11.26"

    let base: String
    let root: String
    let staging: String
    let keyPath: String
    private(set) var key: SigningKey

    /// Publishes the first version, signed by a key called `keyID`.
    init(keyID: String = "wuhan-test") throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("cb-fetch-\(UUID().uuidString)").path
        root = "\(base)/public"
        staging = "\(base)/staging"
        keyPath = "\(base)/keys/\(keyID).key"
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: "\(base)/keys", withIntermediateDirectories: true)
        key = try SigningKey.generate(id: keyID).write(to: keyPath)
        try key.exportPublicKey(to: keyPath + ".pub.json")
        for (name, source) in [
            ("scenic_sites", "scenic_sites"), ("hanyang_buildings", "osm_buildings_hanyang_sample"),
            ("optics_valley_buildings", "optics_valley_buildings"),
        ] {
            try FileManager.default.copyItem(
                atPath: Fixtures.dataset("wuhan/\(source).geojson"), toPath: "\(staging)/\(name).geojson")
        }
        try publish(version: Self.first)
    }

    deinit {
        _ = try? ExternalCommand.run("/bin/chmod", ["-R", "u+w", base])
        try? FileManager.default.removeItem(atPath: base)
    }

    /// The public key file.
    var publicKeyPath: String { keyPath + ".pub.json" }

    /// A new folder under the fixture (for fetched copies, mirrors).
    func folder(_ name: String) -> String { "\(base)/\(name)" }

    /// Publishes the staged files as `version`.
    func publish(version: String) throws {
        let now = Timestamp.date("2026-11-25T08:00:00Z")!
        _ = try BundlePublisher(clock: { now }).publish(
            PublishRequest(
                root: root, bundleID: "wuhan", title: "Wuhan open city data",
                description: "Wuhan sample for fetch tests.",
                version: version, stagingDirectory: staging, layers: try layers(),
                rights: RightsInfo(
                    owner: "Wuhan Municipal Data Bureau (test)", contact: "opendata@wuhan.example",
                    usageTerms: "Free to use with attribution.", license: "ODbL-1.0"),
                signingKey: key))
    }

    /// Changes one scenic site's name and publishes the second version (the buildings stay the same).
    func publishSecond() throws {
        let path = "\(staging)/scenic_sites.geojson"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "黄鹤楼", with: "黄鹤楼 (Yellow Crane Tower)").utf8)
            .write(to: URL(fileURLWithPath: path))
        try publish(version: Self.second)
    }

    /// Rotates to a new key (the new keys.json is signed by the current key) and uses it from now on.
    func rotateKey(to keyID: String) throws {
        let new = try SigningKey.generate(id: keyID).write(to: "\(base)/keys/\(keyID).key")
        try KeyRing(root: root).rotate(old: key, new: new)
        key = new
    }

    /// A writable copy of the published tree.
    func copyTree(to destination: String) throws -> String {
        let result = try ExternalCommand.run("/bin/cp", ["-a", root, destination])
        guard result.status == 0 else { throw CocoaError(.fileWriteUnknown) }
        _ = try ExternalCommand.run("/bin/chmod", ["-R", "u+w", destination])
        return destination
    }

    private func layers() throws -> [LayerInfo] {
        try [
            ("scenic_sites", "Landmarks and scenic sites", DataKind.scenicSite, "CC0-1.0"),
            ("hanyang_buildings", "Hanyang buildings", .building, "ODbL-1.0"),
            ("optics_valley_buildings", "Optics Valley buildings", .building, "ODbL-1.0"),
        ].map { id, title, kind, license in
            let (count, bbox) = try GeoJSONSummary.of("\(staging)/\(id).geojson")
            return LayerInfo(
                id: id, title: title, kind: kind, files: [LayerFile("\(id).geojson")], featureCount: count, bbox: bbox,
                license: license, attribution: "Wikidata / © OpenStreetMap contributors", source: "Datasets/wuhan")
        }
    }
}

import CityBundleTesting
import Crypto
import Foundation

/// A small hand-made publish root shaped like the publisher's: two bundles, a withdrawn version, subfolders,
/// signatures, and dot-files that must never be uploaded.
final class PublishRootFixture: @unchecked Sendable {
    let directory = TemporaryDirectory("citybundle-s3")
    var root: String { directory.path + "/public" }

    /// Every file of the tree, relative to the root, with its content.
    static let files: [String: String] = [
        "catalog.json": #"{"bundles":["hubei","wuhan"]}"#,
        "keys.json": #"{"keys":[{"id":"k1"}]}"#,
        "keys.json.sig": "sig of keys.json\n",
        "wuhan/collection.json": #"{"type":"Collection","id":"wuhan"}"#,
        "wuhan/index.html": "<!doctype html><title>wuhan</title>",
        "wuhan/versions.json": #"{"bundle":"wuhan","sequence":3}"#,
        "wuhan/versions.json.sig": "sig of versions.json\n",
        "wuhan/latest.json": #"{"version":"2026.11.26"}"#,
        "wuhan/latest.json.sig": "sig of latest.json\n",
        "wuhan/2026.11.24/WITHDRAWN.json": #"{"version":"2026.11.24","reason":"bad data"}"#,
        "wuhan/2026.11.24/WITHDRAWN.json.sig": "sig of WITHDRAWN.json\n",
        "wuhan/2026.11.25/districts.geojson": #"{"type":"FeatureCollection","features":[]}"#,
        "wuhan/2026.11.25/districts.fgb": "fgb bytes",
        "wuhan/2026.11.25/CHANGES.md": "# Changes\n",
        "wuhan/2026.11.25/wuhan-2026.11.25.tar.gz": "tar.gz bytes",
        "wuhan/2026.11.25/items/districts.json": #"{"type":"Feature"}"#,
        "wuhan/2026.11.25/tiles/tileset.json": #"{"asset":{"version":"1.1"}}"#,
        "wuhan/2026.11.25/tiles/content/0.glb": "glTF binary",
        "wuhan/2026.11.25/manifest.json.sig": "sig of manifest 2026.11.25\n",
        "wuhan/2026.11.25/manifest.json": #"{"bundle":"wuhan","version":"2026.11.25"}"#,
        "wuhan/2026.11.26/districts.geojson": #"{"type":"FeatureCollection","features":[{}]}"#,
        "wuhan/2026.11.26/manifest.json.sig": "sig of manifest 2026.11.26\n",
        "wuhan/2026.11.26/manifest.json": #"{"bundle":"wuhan","version":"2026.11.26"}"#,
        "hubei/collection.json": #"{"type":"Collection","id":"hubei"}"#,
        "hubei/versions.json": #"{"bundle":"hubei","sequence":1}"#,
        "hubei/versions.json.sig": "sig of hubei versions.json\n",
        "hubei/latest.json": #"{"version":"2026.1.2"}"#,
        "hubei/latest.json.sig": "sig of hubei latest.json\n",
        "hubei/2026.1.2/roads.geojson": #"{"type":"FeatureCollection"}"#,
        "hubei/2026.1.2/manifest.json.sig": "sig of hubei manifest\n",
        "hubei/2026.1.2/manifest.json": #"{"bundle":"hubei","version":"2026.1.2"}"#,
    ]

    /// Dot-entries the publisher may leave, which the mirror must skip.
    static let dotFiles = [
        ".lock", ".staging-1234/manifest.json", "wuhan/.latest.json.tmp", "wuhan/2026.11.25/.partial",
    ]

    init() throws {
        for (path, text) in Self.files { try write(path, text) }
        for path in Self.dotFiles { try write(path, "never uploaded") }
    }

    /// Writes `text` to `relative`, creating folders.
    func write(_ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: "\(root)/\(relative)")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Removes the file or folder `relative`.
    func remove(_ relative: String) throws {
        try FileManager.default.removeItem(atPath: "\(root)/\(relative)")
    }

    /// The current content of `relative`.
    func contents(_ relative: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: "\(root)/\(relative)"))
    }

    /// The lower-case MD5 hex of `data` (a single-part upload's ETag).
    static func md5(_ data: Data) -> String {
        Insecure.MD5.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}

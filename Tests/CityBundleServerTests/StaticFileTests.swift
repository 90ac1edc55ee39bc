import CityBundlePublish
import CityBundleTesting
import Foundation
import Testing

/// The published files through the server, checked with curl: validators, conditional and range requests,
/// HEAD, media types, CORS and gzip.
@Suite("Static files")
struct StaticFileTests {
    let tree: WuhanTree
    let manifest: Manifest

    init() throws {
        tree = try WuhanTree()
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(tree.versionDirectory())/manifest.json"))
        manifest = try JSONDecoder().decode(Manifest.self, from: data)
    }

    private func entry(_ path: String) throws -> ManifestEntry {
        try #require(manifest.files.first { $0.path == path })
    }

    @Test("Strong ETag is the manifest's SHA-256; If-None-Match and If-Modified-Since give 304")
    func validators() async throws {
        try await TestServer.with(root: tree.root) { server in
            let url = server.url("/wuhan/\(WuhanTree.firstVersion)/scenic_sites.geojson")
            let first = try await Tools.curl(url)
            #expect(first.status == 200)
            #expect(first.header("etag") == "\"\(try entry("scenic_sites.geojson").sha256)\"")
            #expect(
                first.body == FileManager.default.contents(atPath: "\(tree.versionDirectory())/scenic_sites.geojson"))
            let lastModified = try #require(first.header("last-modified"))
            #expect(first.header("cache-control")?.contains("immutable") == true)

            let revalidated = try await Tools.curl(url, ["-H", "If-None-Match: \(first.header("etag")!)"])
            #expect(revalidated.status == 304)
            #expect(revalidated.body.isEmpty)
            #expect(revalidated.header("etag") == first.header("etag"))
            let stale = try await Tools.curl(url, ["-H", "If-None-Match: \"0000\""])
            #expect(stale.status == 200)
            let since = try await Tools.curl(url, ["-H", "If-Modified-Since: \(lastModified)"])
            #expect(since.status == 304)
            let before = try await Tools.curl(url, ["-H", "If-Modified-Since: Mon, 01 Jan 2001 00:00:00 GMT"])
            #expect(before.status == 200)

            // Files no manifest lists get a computed SHA-256.
            let versions = try await Tools.curl(server.url("/wuhan/versions.json"))
            let digest = try #require(LocalDigest.sha256(path: "\(tree.root)/wuhan/versions.json"))
            #expect(versions.header("etag") == "\"\(digest)\"")
            #expect(versions.header("cache-control") == "no-cache")
        }
    }

    @Test("Single ranges give 206, unsatisfiable ones 416, several ranges the whole file")
    func ranges() async throws {
        try await TestServer.with(root: tree.root) { server in
            let path = "\(tree.versionDirectory())/hanyang_buildings.geojson"
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            let url = server.url("/wuhan/\(WuhanTree.firstVersion)/hanyang_buildings.geojson")

            let part = try await Tools.curl(url, ["-H", "Range: bytes=100-299"])
            #expect(part.status == 206)
            #expect(part.header("content-range") == "bytes 100-299/\(bytes.count)")
            #expect(part.body == bytes[100..<300])
            let open = try await Tools.curl(url, ["-H", "Range: bytes=\(bytes.count - 10)-"])
            #expect(open.status == 206)
            #expect(open.body == bytes.suffix(10))
            let suffix = try await Tools.curl(url, ["-H", "Range: bytes=-5"])
            #expect(suffix.status == 206)
            #expect(suffix.body == bytes.suffix(5))

            let beyond = try await Tools.curl(url, ["-H", "Range: bytes=\(bytes.count)-"])
            #expect(beyond.status == 416)
            #expect(beyond.header("content-range") == "bytes */\(bytes.count)")

            let several = try await Tools.curl(url, ["-H", "Range: bytes=0-9,20-29"])
            #expect(several.status == 200)
            #expect(several.body == bytes)

            let stale = try await Tools.curl(url, ["-H", "Range: bytes=0-9", "-H", "If-Range: \"other\""])
            #expect(stale.status == 200)
            #expect(stale.body == bytes)
        }
    }

    @Test("HEAD has the headers of GET and no body; media types follow the extension")
    func headAndMediaTypes() async throws {
        try await TestServer.with(root: tree.root) { server in
            let version = "/wuhan/\(WuhanTree.firstVersion)"
            let expected: [(String, String)] = [
                ("\(version)/scenic_sites.geojson", "application/geo+json"),
                ("\(version)/scenic_sites.fgb", "application/flatgeobuf"),
                ("\(version)/manifest.json", "application/json"),
                ("\(version)/wuhan-\(WuhanTree.firstVersion).tar.gz", "application/gzip"),
                ("/wuhan/index.html", "text/html; charset=utf-8"),
            ]
            for (path, mediaType) in expected {
                let head = try await Tools.curl(server.url(path), ["-I"])
                #expect(head.status == 200, "\(path)")
                #expect(head.header("content-type") == mediaType, "\(path)")
                let size = try #require(
                    FileManager.default.attributesOfItem(atPath: tree.root + path)[.size] as? NSNumber)
                #expect(head.header("content-length") == "\(size)", "\(path)")
                #expect(head.header("accept-ranges") == "bytes")
            }
            // No body was sent for any HEAD (curl -I shows only the headers).
            let heads = await server.logs.records { records in
                records.filter { $0.message == "request" && $0.metadata["method"] == "HEAD" }.count >= expected.count
            }.filter { $0.message == "request" && $0.metadata["method"] == "HEAD" }
            #expect(heads.count == expected.count)
            #expect(heads.allSatisfy { $0.metadata["bytes"] == "0" })
            // A 3D model beside the bundles is served as glTF binary.
            try Data("glTF".utf8).write(to: URL(fileURLWithPath: "\(tree.root)/model.glb"))
            let model = try await Tools.curl(server.url("/model.glb"), ["-I"])
            #expect(model.header("content-type") == "model/gltf-binary")
        }
    }

    @Test("CORS headers on every response and OPTIONS preflights")
    func cors() async throws {
        try await TestServer.with(root: tree.root) { server in
            let url = server.url("/wuhan/\(WuhanTree.firstVersion)/scenic_sites.geojson")
            let response = try await Tools.curl(url, ["-H", "Origin: https://viewer.example"])
            #expect(response.header("access-control-allow-origin") == "*")
            let exposed = try #require(response.header("access-control-expose-headers"))
            for name in ["ETag", "Content-Range", "Accept-Ranges"] { #expect(exposed.contains(name)) }
            let preflight = try await Tools.curl(
                url,
                [
                    "-X", "OPTIONS", "-H", "Origin: https://viewer.example", "-H", "Access-Control-Request-Method: GET",
                    "-H", "Access-Control-Request-Headers: range",
                ])
            #expect(preflight.status == 204)
            #expect(preflight.header("access-control-allow-origin") == "*")
            #expect(preflight.header("access-control-allow-methods")?.contains("GET") == true)
            #expect(preflight.header("access-control-allow-headers")?.lowercased().contains("range") == true)
            let missing = try await Tools.curl(server.url("/nothing-here"), ["-H", "Origin: https://viewer.example"])
            #expect(missing.status == 404)
            #expect(missing.header("access-control-allow-origin") == "*")
        }
    }

    @Test("GeoJSON and JSON are gzip-compressed for clients that accept it, with their own ETag")
    func gzip() async throws {
        try await TestServer.with(root: tree.root) { server in
            let path = "\(tree.versionDirectory())/hanyang_buildings.geojson"
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            let url = server.url("/wuhan/\(WuhanTree.firstVersion)/hanyang_buildings.geojson")
            let compressed = try await Tools.curl(url, ["--compressed"])
            #expect(compressed.status == 200)
            #expect(compressed.header("content-encoding") == "gzip")
            #expect(compressed.header("vary")?.contains("Accept-Encoding") == true)
            #expect(compressed.body == bytes)
            let etag = try #require(compressed.header("etag"))
            #expect(etag == "\"\(try entry("hanyang_buildings.geojson").sha256)-gzip\"")
            let again = try await Tools.curl(url, ["--compressed", "-H", "If-None-Match: \(etag)"])
            #expect(again.status == 304)
            // Binary files are never compressed.
            let fgb = try await Tools.curl(
                server.url("/wuhan/\(WuhanTree.firstVersion)/scenic_sites.fgb"), ["--compressed"])
            #expect(fgb.header("content-encoding") == nil)
            // API JSON too.
            let api = try await Tools.curl(
                server.url("/features/collections/wuhan.hanyang_buildings/items"), ["--compressed"])
            #expect(api.header("content-encoding") == "gzip")
            #expect((try? JSONSerialization.jsonObject(with: api.body)) != nil)
        }
    }
}

/// SHA-256 through `sha256sum`, independent of the server's code.
enum LocalDigest {
    static func sha256(path: String) -> String? {
        guard let result = try? ExternalCommand.run("/usr/bin/sha256sum", [path]), result.status == 0 else {
            return nil
        }
        return result.stdout.split(separator: " ").first.map(String.init)
    }
}

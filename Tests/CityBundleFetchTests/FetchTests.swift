import CityBundleFetch
import CityBundleModel
import CityBundlePublish
import CityBundleTesting
import Foundation
import Testing

/// `citybundle fetch` against the real server, nginx and file:// URLs.
@Suite("Fetch")
struct FetchTests {
    let fixture: PublishedFixture

    init() throws {
        fixture = try PublishedFixture()
    }

    /// Every file of the published version, byte for byte, plus the `latest` pointer.
    private func expectCopy(_ destination: String, version: String, from root: String? = nil) throws {
        let source = "\(root ?? fixture.root)/wuhan/\(version)"
        let manifest = try JSONDecoder().decode(
            Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: "\(source)/manifest.json")))
        for entry in manifest.files + [
            ManifestEntry(path: "manifest.json", size: 0, sha256: "", mediaType: "", role: .metadata),
            ManifestEntry(path: "manifest.json.sig", size: 0, sha256: "", mediaType: "", role: .metadata),
        ] {
            let local = FileManager.default.contents(atPath: "\(destination)/wuhan/\(version)/\(entry.path)")
            #expect(
                local != nil && local == FileManager.default.contents(atPath: "\(source)/\(entry.path)"),
                "\(entry.path)")
        }
    }

    private func latest(_ destination: String) -> String? {
        (try? String(contentsOfFile: "\(destination)/wuhan/latest", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func request(_ source: String, _ destination: String, version: String? = nil, key: Bool = true)
        -> FetchRequest
    {
        FetchRequest(
            source: source, bundle: "wuhan", version: version, destination: destination,
            keyFiles: key ? [fixture.publicKeyPath] : [])
    }

    @Test("From citybundle serve: verified copy, latest pointer, pinned key; a newer version reuses unchanged files")
    func fromServer() async throws {
        let destination = fixture.folder("client")
        try await TestServer.with(root: fixture.root) { server in
            let first = try await BundleFetcher().fetch(request(server.url, destination))
            #expect(first.version == PublishedFixture.first)
            #expect(!first.alreadyPresent && first.updatedLatest)
            let manifest = try JSONDecoder().decode(
                Manifest.self,
                from: Data(
                    contentsOf: URL(fileURLWithPath: "\(fixture.root)/wuhan/\(PublishedFixture.first)/manifest.json")))
            #expect(first.downloaded.sorted() == manifest.files.map(\.path).sorted())
            try expectCopy(destination, version: PublishedFixture.first)
            #expect(latest(destination) == PublishedFixture.first)

            // Again, without --key: the pinned key is used and nothing is downloaded.
            let again = try await BundleFetcher().fetch(request(server.url, destination, key: false))
            #expect(again.alreadyPresent)
            #expect(again.bytesReceived == 0)

            try fixture.publishSecond()
            let second = try await BundleFetcher().fetch(request(server.url, destination, key: false))
            #expect(second.version == PublishedFixture.second)
            #expect(second.reused.contains("hanyang_buildings.geojson"))
            #expect(second.reused.contains("optics_valley_buildings.geojson"))
            #expect(second.downloaded.contains("scenic_sites.geojson"))
            #expect(!second.downloaded.contains("optics_valley_buildings.geojson"))
            try expectCopy(destination, version: PublishedFixture.second)
            try expectCopy(destination, version: PublishedFixture.first)
            #expect(latest(destination) == PublishedFixture.second)
            let inodes = try ["2026.11.25", "2026.11.26"].map {
                try FileManager.default.attributesOfItem(
                    atPath: "\(destination)/wuhan/\($0)/hanyang_buildings.geojson")[
                        .systemFileNumber] as? NSNumber
            }
            #expect(inodes[0] == inodes[1], "unchanged files are hard-linked")
            // Fetching the older version explicitly keeps latest at the newer one.
            let old = try await BundleFetcher().fetch(request(server.url, destination, version: PublishedFixture.first))
            #expect(old.alreadyPresent && !old.updatedLatest)
            #expect(latest(destination) == PublishedFixture.second)
        }
        let state = try String(contentsOfFile: "\(destination)/.citybundle-fetch/state.json", encoding: .utf8)
        #expect(state.contains("\"highestVersion\" : \"2026.11.26\""))
        #expect(
            state.contains(
                fixture.keyPath.components(separatedBy: "/").last!.replacingOccurrences(of: ".key", with: "")))
        let temporary = try FileManager.default.contentsOfDirectory(atPath: "\(destination)/.citybundle-fetch/wuhan")
        #expect(temporary.isEmpty, "no staging left behind: \(temporary)")
    }

    @Test("From nginx serving the same tree", .enabled(if: NginxServer.executable != nil, "nginx is not installed"))
    func fromNginx() async throws {
        let destination = fixture.folder("client")
        try await NginxServer.with(root: fixture.root, scratch: fixture.base) { nginx in
            let result = try await BundleFetcher().fetch(request(nginx.url, destination))
            #expect(result.version == PublishedFixture.first)
            try expectCopy(destination, version: PublishedFixture.first)
            #expect(nginx.accessLog.contains { $0.contains("GET /wuhan/2026.11.25/manifest.json") })

            // Resume through nginx too: half a file is continued with a Range request (206 in its log).
            try fixture.publishSecond()
            let part =
                "\(destination)/.citybundle-fetch/wuhan/\(PublishedFixture.second)/parts/scenic_sites.geojson.part"
            try FileManager.default.createDirectory(
                atPath: (part as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let bytes = try Data(
                contentsOf: URL(fileURLWithPath: "\(fixture.root)/wuhan/2026.11.26/scenic_sites.geojson"))
            try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: part))
            let second = try await BundleFetcher().fetch(request(nginx.url, destination))
            #expect(second.resumed == ["scenic_sites.geojson"])
            #expect(
                nginx.accessLog.contains {
                    $0.contains("GET /wuhan/2026.11.26/scenic_sites.geojson") && $0.contains(" 206 ")
                })
            try expectCopy(destination, version: PublishedFixture.second)
        }
    }

    @Test("From a file:// URL, reading the files directly")
    func fromFileURL() async throws {
        let destination = fixture.folder("client")
        let result = try await BundleFetcher().fetch(request("file://\(fixture.root)", destination))
        #expect(result.version == PublishedFixture.first)
        try expectCopy(destination, version: PublishedFixture.first)
        try fixture.publishSecond()
        let explicit = try await BundleFetcher().fetch(
            request("file://\(fixture.root)", destination, version: PublishedFixture.second))
        #expect(explicit.version == PublishedFixture.second)
        #expect(latest(destination) == PublishedFixture.second)
    }

    @Test("A server with one tampered byte: the fetch fails naming the file; the previous copy is untouched")
    func tamperedByte() async throws {
        let destination = fixture.folder("client")
        _ = try await BundleFetcher().fetch(request("file://\(fixture.root)", destination))
        try fixture.publishSecond()
        let mirror = try fixture.copyTree(to: fixture.folder("tampered"))
        let victim = "\(mirror)/wuhan/\(PublishedFixture.second)/scenic_sites.geojson"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: victim))
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: victim))
        try await TestServer.with(root: mirror) { server in
            let error = await #expect(throws: FetchError.self) {
                try await BundleFetcher().fetch(request(server.url, destination))
            }
            guard case .verification(let path, let message)? = error else {
                Issue.record("expected a verification failure, got \(String(describing: error))")
                return
            }
            #expect(path == "wuhan/2026.11.26/scenic_sites.geojson")
            #expect(message.contains("SHA-256"))
            #expect(error?.exitStatus == .verificationFailed)
        }
        #expect(latest(destination) == PublishedFixture.first)
        try expectCopy(destination, version: PublishedFixture.first)
        #expect(!FileManager.default.fileExists(atPath: "\(destination)/wuhan/\(PublishedFixture.second)"))
        #expect(
            !FileManager.default.fileExists(
                atPath: "\(destination)/.citybundle-fetch/wuhan/2026.11.26/parts/scenic_sites.geojson.part"))
    }

    @Test("A file longer than the signed size is cut off at the declared size + 1 byte")
    func oversize() async throws {
        let mirror = try fixture.copyTree(to: fixture.folder("longer"))
        let victim = "\(mirror)/wuhan/\(PublishedFixture.first)/hanyang_buildings.geojson"
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: victim))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(repeating: 0x20, count: 1 << 20))
        try handle.close()
        let error = await #expect(throws: FetchError.self) {
            try await BundleFetcher().fetch(request("file://\(mirror)", fixture.folder("client")))
        }
        #expect(
            error
                == .verification(
                    path: "wuhan/2026.11.25/hanyang_buildings.geojson",
                    message:
                        "the server sent more than the \(try Self.size(of: "\(fixture.root)/wuhan/2026.11.25/hanyang_buildings.geojson")) bytes the signed manifest declares"
                ))
    }

    @Test("An interrupted download resumes with a Range request")
    func resume() async throws {
        let destination = fixture.folder("client")
        let path = "optics_valley_buildings.geojson"
        let original = try Data(contentsOf: URL(fileURLWithPath: "\(fixture.root)/wuhan/2026.11.25/\(path)"))
        let part = "\(destination)/.citybundle-fetch/wuhan/2026.11.25/parts/\(path).part"
        try FileManager.default.createDirectory(
            atPath: (part as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try original.prefix(original.count / 2).write(to: URL(fileURLWithPath: part))
        try await TestServer.with(root: fixture.root) { server in
            let result = try await BundleFetcher().fetch(request(server.url, destination))
            #expect(result.resumed == [path])
            try expectCopy(destination, version: PublishedFixture.first)
            let metrics = try await server.metrics()
            #expect((metrics["citybundle_http_range_requests_total"] ?? 0) >= 1)
            #expect((metrics["citybundle_http_requests_total{status=\"206\"}"] ?? 0) >= 1)
        }
    }

    @Test("A partial file with wrong bytes fails verification, is discarded, and the next fetch succeeds")
    func badPartial() async throws {
        let destination = fixture.folder("client")
        let part = "\(destination)/.citybundle-fetch/wuhan/2026.11.25/parts/scenic_sites.geojson.part"
        try FileManager.default.createDirectory(
            atPath: (part as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(repeating: 0x41, count: 100).write(to: URL(fileURLWithPath: part))
        let error = await #expect(throws: FetchError.self) {
            try await BundleFetcher().fetch(request("file://\(fixture.root)", destination))
        }
        if case .verification(let path, _)? = error {
            #expect(path == "wuhan/2026.11.25/scenic_sites.geojson")
        } else {
            Issue.record("expected a verification failure")
        }
        #expect(!FileManager.default.fileExists(atPath: part))
        #expect(latest(destination) == nil)
        _ = try await BundleFetcher().fetch(request("file://\(fixture.root)", destination))
        try expectCopy(destination, version: PublishedFixture.first)
    }

    @Test("A rollback to an older, validly signed versions.json is refused")
    func rollback() async throws {
        let destination = fixture.folder("client")
        let old = try fixture.copyTree(to: fixture.folder("old"))
        try fixture.publishSecond()
        _ = try await BundleFetcher().fetch(request("file://\(fixture.root)", destination))
        #expect(latest(destination) == PublishedFixture.second)
        // A mirror that still serves the first publish's versions.json and latest.json.
        try await TestServer.with(root: old) { server in
            let error = await #expect(throws: FetchError.self) {
                try await BundleFetcher().fetch(request(server.url, destination))
            }
            guard case .verification(let path, let message)? = error else {
                Issue.record("expected a verification failure, got \(String(describing: error))")
                return
            }
            #expect(path == "wuhan/versions.json")
            #expect(message.contains("rollback"))
        }
        #expect(latest(destination) == PublishedFixture.second)
    }

    @Test("A withdrawn version is refused")
    func withdrawn() async throws {
        try fixture.publishSecond()
        try BundlePublisher().withdraw(
            root: fixture.root, bundle: "wuhan", version: PublishedFixture.first, reason: "wrong district names",
            signingKey: fixture.key)
        let error = await #expect(throws: FetchError.self) {
            try await BundleFetcher().fetch(
                request("file://\(fixture.root)", fixture.folder("client"), version: PublishedFixture.first))
        }
        guard case .verification(_, let message)? = error else {
            Issue.record("expected a verification failure")
            return
        }
        #expect(message.contains("withdrawn") && message.contains("wrong district names"))
        let latest = try await BundleFetcher().fetch(request("file://\(fixture.root)", fixture.folder("client")))
        #expect(latest.version == PublishedFixture.second)
    }

    @Test("Keys: pinned on first use, a rotation signed by the pinned key is followed, another key is refused")
    func keyPinning() async throws {
        let destination = fixture.folder("client")
        let mirror = fixture.folder("mirror")
        try FileManager.default.createSymbolicLink(atPath: mirror, withDestinationPath: fixture.root)
        let first = try await BundleFetcher().fetch(request("file://\(mirror)", destination, key: false))
        #expect(first.notes.contains { $0.contains("first use") })

        // A rotation signed by the pinned key is followed.
        try fixture.rotateKey(to: "wuhan-2027")
        try fixture.publishSecond()
        let rotated = try await BundleFetcher().fetch(request("file://\(mirror)", destination, key: false))
        #expect(rotated.version == PublishedFixture.second)
        #expect(rotated.notes.contains { $0.contains("wuhan-2027") })

        // Another publisher's tree behind the same URL is refused.
        let impostor = try PublishedFixture(keyID: "impostor")
        try FileManager.default.removeItem(atPath: mirror)
        try FileManager.default.createSymbolicLink(atPath: mirror, withDestinationPath: impostor.root)
        let error = await #expect(throws: FetchError.self) {
            try await BundleFetcher().fetch(request("file://\(mirror)", destination, key: false))
        }
        #expect(
            error
                == .verification(
                    path: "keys.json.sig",
                    message:
                        "signed by key 'impostor', which is not trusted; a key change is accepted only when the new keys.json is signed by a pinned key"
                ))
        #expect(latest(destination) == PublishedFixture.second)
        // A wrong --key is refused the same way.
        let wrong = await #expect(throws: FetchError.self) {
            try await BundleFetcher().fetch(
                FetchRequest(
                    source: "file://\(fixture.root)", bundle: "wuhan", destination: impostor.folder("client"),
                    keyFiles: [impostor.publicKeyPath]))
        }
        #expect(wrong?.exitStatus == .verificationFailed)
    }

    @Test("Exit codes: unknown version is usage (2), an unreachable server I/O (3)")
    func exitCodes() async throws {
        let unknown = await #expect(throws: FetchError.self) {
            try await BundleFetcher().fetch(
                request("file://\(fixture.root)", fixture.folder("client"), version: "2030.1.1"))
        }
        #expect(unknown?.exitStatus == .usage)
        let unreachable = await #expect(throws: FetchError.self) {
            try await BundleFetcher().fetch(request("http://127.0.0.1:9", fixture.folder("client")))
        }
        #expect(unreachable?.exitStatus == .io)
        #expect(FetchRequest.parseTarget("wuhan@2026.11.25") == ("wuhan", "2026.11.25"))
        #expect(FetchRequest.parseTarget("wuhan@latest") == ("wuhan", nil))
        #expect(FetchRequest.parseTarget("wuhan") == ("wuhan", nil))
    }

    private static func size(of path: String) throws -> Int64 {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber).int64Value
    }
}

import CityBundleTesting
import Foundation
import Testing

/// Publishing through `citybundle run`: versions, no-op reruns, feature-level changelogs, and
/// `citybundle verify` on what was published.
@Suite("Publishing bundles")
struct PublishCommandTests {
    /// A copy of the scenic sites (so a test can edit them) and a pipeline that publishes them.
    struct Workspace: Sendable {
        let directory = TemporaryDirectory()
        var data: String { directory.file("sites.geojson") }
        var pipeline: String { directory.file("sites.yaml") }
        var output: String { directory.file("public") }
        var state: String { directory.file("state") }
        var key: String { directory.file("signing.key") }

        init() throws {
            try FileManager.default.copyItem(atPath: Fixtures.dataset("wuhan/scenic_sites.geojson"), toPath: data)
            try """
            pipeline: sites
            title: 武汉景点 Wuhan scenic sites
            extent: [113.6, 29.9, 115.2, 31.5]
            sources:
              - id: scenic_sites
                path: sites.geojson
                kind: scenic_site
                fields: {id: qid, name: name}
                licence: CC0-1.0
                attribution: Wikidata
            publish:
              rights:
                owner: Test bureau
                contact: test@example.org
                terms: Open data for testing.
                licence: CC0-1.0
            """.write(toFile: pipeline, atomically: true, encoding: .utf8)
            let generated = try ExternalCommand.citybundle(["keys", "generate", "--id", "test-key", "--output", key])
            guard generated.status == 0 else { throw TestFailure(generated.stderr) }
        }

        func run(_ extra: [String] = []) throws -> CommandResult {
            try ExternalCommand.citybundle(
                ["run", pipeline, "--output", output, "--state", state, "--signing-key", key, "-q"] + extra)
        }

        func verify() throws -> CommandResult {
            try ExternalCommand.citybundle(
                ["verify", output, "--key", key + ".pub.json", "--state", directory.file("verify-state.json")])
        }
    }

    struct TestFailure: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    @Test("a rerun publishes nothing; a changed height gives a version whose changelog names that feature and field")
    func versionsAndChanges() throws {
        let workspace = try Workspace()
        let first = try workspace.run(["--version", "2026.11.25"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Published sites 2026.11.25: 36 features added"))
        let again = try workspace.run()
        #expect(again.status == 0)
        #expect(again.stdout.contains("No changes since sites 2026.11.25: nothing published."))

        // 黄鹤楼 gets a height: exactly one feature, one attribute changes.
        var text = try String(contentsOfFile: workspace.data, encoding: .utf8)
        let anchor = #""qid": "Q462372""#
        #expect(text.contains(anchor))
        text = text.replacingOccurrences(of: anchor, with: anchor + #", "height": 51.4"#)
        try text.write(toFile: workspace.data, atomically: true, encoding: .utf8)
        let second = try workspace.run(["--version", "2026.11.26"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("0 features added, 0 removed, 1 modified"))
        let changes =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: "\(workspace.output)/sites/2026.11.26/changes.json")))
            as? [String: Any]
        #expect(changes?["previousVersion"] as? String == "2026.11.25")
        let layer = (changes?["layers"] as? [String: Any])?["scenic_sites"] as? [String: Any]
        #expect((layer?["added"] as? [Any])?.isEmpty == true)
        #expect((layer?["removed"] as? [Any])?.isEmpty == true)
        let modified = layer?["modified"] as? [[String: Any]]
        #expect(modified?.count == 1)
        #expect(modified?.first?["id"] as? String == "Q462372")
        #expect(modified?.first?["attributes"] as? [String] == ["height"])
        #expect(modified?.first?["geometry"] as? Bool == false)
        let markdown = try String(contentsOfFile: "\(workspace.output)/sites/2026.11.26/CHANGES.md", encoding: .utf8)
        #expect(markdown.contains("- modified `Q462372`: `height`"))
        #expect(try workspace.verify().status == 0)
    }

    @Test("the published tree passes the independent catalog checks")
    func catalogs() throws {
        let workspace = try Workspace()
        #expect(try workspace.run().status == 0)
        let check = try ExternalCommand.validate("check_catalog.sh", [workspace.output])
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.contains(", 0 errors,"))
        let version = try Fixtures.latestVersionDirectory(root: workspace.output, bundle: "sites")
        let geojson = try ExternalCommand.validate("check_geojson.sh", ["\(version)/scenic_sites.geojson"])
        #expect(geojson.status == 0, "\(geojson.stdout)")
        let rights = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: "\(version)/rights.json")))
        #expect("\(rights)".contains("Wikidata"))
        let provenance = try String(contentsOfFile: "\(version)/provenance.json", encoding: .utf8)
        #expect(provenance.contains("sites.geojson") && provenance.contains("\"gdal\""))
    }

    @Test("verify names a tampered file and exits 5; an untrusted key is refused")
    func tampering() throws {
        let workspace = try Workspace()
        #expect(try workspace.run().status == 0)
        #expect(try workspace.verify().status == 0)
        let version = try Fixtures.latestVersionDirectory(root: workspace.output, bundle: "sites")
        let file = "\(version)/scenic_sites.geojson"
        _ = try ExternalCommand.run("chmod", ["u+w", version, file])
        var bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: file))
        let result = try workspace.verify()
        #expect(result.status == 5)
        #expect(result.stdout.contains("scenic_sites.geojson"))

        let other = workspace.directory.file("other.key")
        _ = try ExternalCommand.citybundle(["keys", "generate", "--id", "other", "--output", other])
        let untrusted = try ExternalCommand.citybundle([
            "verify", workspace.output, "--key", other + ".pub.json", "--state", workspace.directory.file("s2.json"),
        ])
        #expect(untrusted.status == 5)
    }

    @Test("withdraw removes a version's data, keeps a signed tombstone and moves latest back")
    func withdraw() throws {
        let workspace = try Workspace()
        #expect(try workspace.run(["--version", "2026.11.25"]).status == 0)
        #expect(try workspace.run(["--version", "2026.11.26", "--force"]).status == 0)
        let result = try ExternalCommand.citybundle([
            "withdraw", "sites@2026.11.26", "--root", workspace.output, "--reason", "test withdrawal",
            "--signing-key", workspace.key,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Fixtures.latestVersionDirectory(root: workspace.output, bundle: "sites").hasSuffix("2026.11.25"))
        #expect(FileManager.default.fileExists(atPath: "\(workspace.output)/sites/2026.11.26/WITHDRAWN.json"))
        #expect(!FileManager.default.fileExists(atPath: "\(workspace.output)/sites/2026.11.26/scenic_sites.geojson"))
    }
}

/// Incremental runs: unchanged sources are not processed again; a changed one is, alone.
@Suite("Incremental runs")
struct IncrementalRunTests {
    @Test("a rerun reprocesses nothing; changing one source reprocesses only that source")
    func incremental() throws {
        let directory = TemporaryDirectory()
        for name in ["scenic_sites.geojson", "osm_buildings_hanyang_sample.geojson"] {
            try FileManager.default.copyItem(atPath: Fixtures.dataset("wuhan/\(name)"), toPath: directory.file(name))
        }
        let pipeline = directory.file("two.yaml")
        try """
        pipeline: two
        title: Two sources
        sources:
          - id: sites
            path: scenic_sites.geojson
            kind: scenic_site
            fields: {id: qid, name: name}
          - id: buildings
            path: osm_buildings_hanyang_sample.geojson
            kind: building
            fields: {name: name}
        publish:
          rights: {owner: T, contact: t@example.org, terms: test, licence: ODbL-1.0}
        """.write(toFile: pipeline, atomically: true, encoding: .utf8)
        func run(_ version: String) throws -> [String: Bool] {
            let result = try ExternalCommand.citybundle([
                "run", pipeline, "--output", directory.file("public"), "--state", directory.file("state"), "-q",
                "--version", version,
            ])
            #expect(result.status == 0, "\(result.stderr)")
            let record =
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: URL(fileURLWithPath: directory.file("state/two/run.json"))))
                as? [String: Any]
            var reprocessed: [String: Bool] = [:]
            for source in record?["sources"] as? [[String: Any]] ?? [] {
                reprocessed[source["id"] as? String ?? ""] = source["reprocessed"] as? Bool
            }
            return reprocessed
        }
        #expect(try run("2026.11.25") == ["sites": true, "buildings": true])
        #expect(try run("2026.11.26") == ["sites": false, "buildings": false])
        #expect(!FileManager.default.fileExists(atPath: directory.file("public/two/2026.11.26")))
        var text = try String(contentsOfFile: directory.file("scenic_sites.geojson"), encoding: .utf8)
        text = text.replacingOccurrences(of: #""qid": "Q462372""#, with: #""qid": "Q462372", "height": 51.4"#)
        try text.write(toFile: directory.file("scenic_sites.geojson"), atomically: true, encoding: .utf8)
        #expect(try run("2026.11.27") == ["sites": true, "buildings": false])
        let changes = try String(contentsOfFile: directory.file("public/two/2026.11.27/CHANGES.md"), encoding: .utf8)
        #expect(changes.contains("- modified `Q462372`: `height`"))
    }
}

/// `citybundle serve` and `citybundle fetch` from the command line: a published tree served on
/// 127.0.0.1, fetched and verified into a local folder, then the server stopped with SIGTERM.
@Suite("Serve and fetch commands")
struct ServeFetchCommandTests {
    @Test("fetch downloads and verifies the latest version from serve; SIGTERM stops the server cleanly")
    func roundTrip() throws {
        let workspace = try PublishCommandTests.Workspace()
        #expect(try workspace.run(["--version", "2026.11.25"]).status == 0)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: Fixtures.citybundleBinary)
        server.arguments = ["serve", workspace.output, "--port", "0"]
        let errors = Pipe()
        server.standardError = errors
        server.standardOutput = FileHandle.nullDevice
        try server.run()
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }
        // The server logs its address when it is listening.
        var log = ""
        var url: String?
        let deadline = Date().addingTimeInterval(30)
        while url == nil, Date() < deadline {
            log += String(decoding: errors.fileHandleForReading.availableData, as: UTF8.self)
            if let range = log.range(of: #"url=http://127\.0\.0\.1:[0-9]+/"#, options: .regularExpression) {
                url = String(log[range].dropFirst(4))
            }
        }
        let base = try #require(url, "the server did not report its address: \(log)")
        let target = workspace.directory.file("fetched")
        let fetched = try ExternalCommand.citybundle([
            "fetch", base, "sites@latest", "--to", target, "--key", workspace.key + ".pub.json", "--quiet",
        ])
        #expect(fetched.status == 0, "\(fetched.stderr)")
        let original = try Data(
            contentsOf: URL(fileURLWithPath: "\(workspace.output)/sites/2026.11.25/scenic_sites.geojson"))
        let copy = try Data(contentsOf: URL(fileURLWithPath: "\(target)/sites/2026.11.25/scenic_sites.geojson"))
        #expect(copy == original)
        kill(server.processIdentifier, SIGTERM)
        server.waitUntilExit()
        #expect(server.terminationStatus == 0)
    }
}

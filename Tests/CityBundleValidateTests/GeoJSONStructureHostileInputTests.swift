import CityBundleValidate
import Foundation
import Testing

/// Inputs built to break a parser: each must give a specific issue and complete.
@Suite struct GeoJSONStructureHostileInputTests {
    let checker = GeoJSONStructureChecker()

    private func check(_ text: String, name: String = "hostile.geojson") -> StructureReport {
        checker.check(bytes: Array(text.utf8), name: name)
    }

    @Test func hundredThousandNestedArraysStopAtTheDepthLimit() {
        let report = check(String(repeating: "[", count: 100_000))
        let depth = report.issues.filter { $0.rule == StructureRule.depthLimit }
        #expect(depth.count == 1)
        #expect(depth.first?.severity == .error)
        #expect(depth.first?.column == 129, "the 129th '[' is one level too deep")
        #expect(depth.first.map { $0.path.count < 200 } == true, "deep paths are abbreviated")
        #expect(report.issues.contains { $0.rule == StructureRule.rootNotObject })
        #expect(!report.issues.contains { $0.rule == StructureRule.syntax }, "checking stops at the depth limit")
    }

    @Test func deeplyNestedObjectsInsideAFeatureStopAtTheDepthLimit() {
        let depth = 100_000
        let text =
            "{\"type\":\"Feature\",\"geometry\":null,\"properties\":"
            + String(repeating: "{\"a\":", count: depth) + "1" + String(repeating: "}", count: depth) + "}"
        let report = check(text)
        #expect(report.issues.map(\.rule) == [StructureRule.depthLimit])
    }

    @Test func sixtyFourKilobytePropertyNameIsReportedNotFatal() {
        let name = String(repeating: "k", count: 64 * 1024 + 1)
        let report = check(
            "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"\(name)\":1,\"after\":{\"type\":[]}}}")
        let issue = report.issues.first { $0.rule == StructureRule.keyTooLong }
        #expect(issue?.severity == .error)
        #expect(issue?.message.contains("65537 bytes") == true)
        #expect(issue?.line == 1 && issue?.column == 49)
        #expect(report.issues.count == 1, "checking goes on after the long name: \(report.issues)")
        #expect(report.featureCount == 1)

        let atLimit = check(
            "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"\(String(repeating: "k", count: 64 * 1024))\":1}}"
        )
        #expect(atLimit.issues.isEmpty, "a name of exactly JSONLimits.maxKeyBytes is allowed")
    }

    @Test func nanAndInfinityLiteralsAreNonFiniteNumbers() {
        let report = check(
            """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {"v": NaN}, "geometry": {"type": "Point", "coordinates": [Infinity, -Infinity]}},
              {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": ["x", 1]}}
            ]}
            """)
        let nonFinite = report.issues.filter { $0.rule == StructureRule.nonFiniteNumber }
        #expect(nonFinite.count == 3)
        #expect(nonFinite.allSatisfy { $0.severity == .error && $0.line == 2 })
        #expect(
            nonFinite.map(\.path) == [
                "features[0].properties.v", "features[0].geometry.coordinates[0]",
                "features[0].geometry.coordinates[1]",
            ])
        #expect(nonFinite.first?.message.contains("NaN") == true)
        #expect(report.issues.contains { $0.rule == StructureRule.positionElement && $0.line == 3 }, "goes on")
        #expect(report.featureCount == 2)
    }

    @Test func misspelledNonFiniteLiteralIsASyntaxError() {
        let report = check("{\"type\":\"Point\",\"coordinates\":[nan,1]}")
        #expect(report.issues.map(\.rule) == [StructureRule.syntax])
    }

    @Test func numberOverflowingToInfinityIsAnError() {
        let report = check("{\"type\":\"Point\",\"coordinates\":[1e400,-2E+999]}")
        #expect(report.issues.map(\.rule) == [StructureRule.numberOverflow, StructureRule.numberOverflow])
        #expect(report.issues.allSatisfy { $0.severity == .error })
    }

    @Test func byteOrderMarkIsAWarningThenIgnored() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("{\"type\":\"Point\",\"coordinates\":[1,2]}".utf8)
        let report = checker.check(bytes: bytes, name: "bom.geojson")
        #expect(report.issues.map(\.rule) == [StructureRule.byteOrderMark])
        #expect(report.issues.first?.severity == .warning)
        #expect(report.errors.isEmpty)

        let broken = checker.check(bytes: [0xEF, 0xBB, 0x7B], name: "half-bom.geojson")
        #expect(broken.issues.map(\.rule) == [StructureRule.syntax])
    }

    @Test func rawControlCharactersInANameAreErrors() {
        let report = check("{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"na\tme\u{01}\":\"a\nb\"}}")
        let control = report.issues.filter { $0.rule == StructureRule.controlCharacter }
        #expect(control.count == 2, "one per string: \(report.issues)")
        #expect(control.allSatisfy { $0.severity == .error })
        #expect(control.first?.line == 1 && control.first?.column == 52)
        #expect(control.last?.line == 1, "the raw line feed is reported where it stands")
        #expect(report.featureCount == 1)
    }

    @Test func zeroByteFileIsASyntaxIssueNotAThrow() throws {
        let directory = try StructureTestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("empty.geojson").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let report = try checker.check(path: path)
        #expect(report.issues.count == 1)
        #expect(report.issues.first?.rule == StructureRule.syntax)
        #expect(report.issues.first?.line == 1 && report.issues.first?.column == 1)
        #expect(report.featureCount == 0)

        let sequence = directory.appendingPathComponent("empty.geojsonl").path
        #expect(FileManager.default.createFile(atPath: sequence, contents: Data()))
        #expect(try checker.check(path: sequence).issues.isEmpty, "an empty GeoJSON Sequence has no text, no issue")
    }

    @Test func truncatedFileHasASyntaxErrorOnItsLastLine() throws {
        let source = "\(StructureTestPaths.validFixtures)/good-featurecollection.geojson"
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: source)))
        let half = Array(bytes.prefix(bytes.count / 2))
        let directory = try StructureTestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("truncated.geojson").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(half)))

        let report = try checker.check(path: path)
        let lastContentLine = lineOfLastContent(half)
        let syntax = try #require(report.issues.last)
        #expect(syntax.rule == StructureRule.syntax)
        #expect(syntax.severity == .error)
        #expect(syntax.line == lastContentLine, "\(syntax)")
        #expect(syntax.message.contains("truncated"))
        #expect(report.issues.filter { $0.severity == .error }.count == 1, "\(report.issues)")
    }

    @Test func everyPrefixOfAValidFileCompletesWithASyntaxError() throws {
        let source = "\(StructureTestPaths.validFixtures)/good-feature.geojson"
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: source)))
        let end = bytes.lastIndex { $0 > 0x20 }! + 1
        for length in 0..<end {
            let prefix = Array(bytes.prefix(length))
            let report = checker.check(bytes: prefix, name: "prefix.geojson")
            #expect(report.issues.contains { $0.rule == StructureRule.syntax }, "prefix of \(length) bytes")
            if let syntax = report.issues.last, length > 0 {
                #expect(syntax.line == lineOfLastContent(prefix), "prefix of \(length) bytes: \(syntax)")
            }
        }
        #expect(checker.check(bytes: bytes, name: "whole.geojson").issues.isEmpty)
    }

    @Test func invalidUTF8InAStringIsAnError() {
        let bytes =
            Array("{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"NAME\":\"".utf8)
            + [0xBA, 0xDA, 0xC1, 0xFA] + Array("\"}}".utf8)
        let report = checker.check(bytes: bytes, name: "gbk.geojson")
        #expect(report.issues.map(\.rule) == [StructureRule.invalidUTF8])
        #expect(report.issues.first?.path == "properties.NAME")
        for sequence: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE4, 0xB8], [0xFF]] {
            let text = Array("{\"type\":\"Point\",\"coordinates\":[1,2],\"x\":\"".utf8) + sequence + Array("\"}".utf8)
            #expect(checker.check(bytes: text, name: "bad.geojson").issues.map(\.rule) == [StructureRule.invalidUTF8])
        }
        let valid = "{\"type\":\"Point\",\"coordinates\":[1,2],\"name\":\"黄鹤楼 😀 é\"}"
        #expect(check(valid).issues.isEmpty)
    }

    @Test func mixedGeometryTypesAreValid() {
        let report = check(
            """
            {"type": "FeatureCollection", "bbox": [100, 0, 105, 3], "features": [
              {"type": "Feature", "id": "a", "properties": {"kind": "point"}, "geometry": {"type": "Point", "coordinates": [100, 0]}},
              {"type": "Feature", "id": 2, "properties": null, "geometry": {"type": "MultiPoint", "coordinates": [[100, 0], [101, 1, 20]]}},
              {"type": "Feature", "properties": {}, "geometry": {"type": "LineString", "coordinates": [[100, 0], [101, 1]]}},
              {"type": "Feature", "properties": {}, "geometry": {"type": "MultiLineString", "coordinates": [[[100, 0], [101, 1]], [[102, 2], [103, 3]]]}},
              {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [
                [[100, 0], [101, 0], [101, 1], [100, 1], [100, 0]],
                [[100.2, 0.2], [100.2, 0.8], [100.8, 0.8], [100.8, 0.2], [100.2, 0.2]]]}},
              {"type": "Feature", "properties": {}, "geometry": {"type": "MultiPolygon", "coordinates": [
                [[[102, 2], [103, 2], [103, 3], [102, 3], [102, 2]]],
                [[[100, 0], [101, 0], [101, 1], [100, 1], [100, 0]]]]}},
              {"type": "Feature", "properties": {}, "geometry": {"type": "GeometryCollection", "geometries": [
                {"type": "Point", "coordinates": [100, 0]}, {"type": "LineString", "coordinates": [[101, 0], [102, 1]]}]}},
              {"type": "Feature", "properties": {"名称": "黄鹤楼"}, "geometry": null, "title": "foreign members are fine"}
            ]}
            """)
        #expect(report.issues.isEmpty, "\(report.issues)")
        #expect(report.featureCount == 8)
    }

    /// The line of the last non-whitespace byte (1-based), where a truncated file's error belongs.
    private func lineOfLastContent(_ bytes: [UInt8]) -> Int {
        guard let last = bytes.lastIndex(where: { $0 > 0x20 }) else { return 1 }
        return bytes[...last].filter { $0 == 0x0A }.count + 1
    }
}

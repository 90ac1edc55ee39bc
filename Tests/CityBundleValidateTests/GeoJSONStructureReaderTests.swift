import CityBundleModel
import CityBundleValidate
import Foundation
import Testing

/// The streaming JSON reader: chunk boundaries, GeoJSON Sequences, limits, syntax and I/O errors.
@Suite struct GeoJSONStructureReaderTests {
    private func check(_ text: String, name: String = "test.geojson", limits: JSONLimits = .init()) -> StructureReport {
        GeoJSONStructureChecker(limits: limits).check(bytes: Array(text.utf8), name: name)
    }

    private func rules(_ report: StructureReport) -> [String] { report.issues.map(\.rule) }

    static let chunkSamples: [String] = [
        "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"名称\":\"黄鹤楼 😀\",\"e\":\"\\u00e9\\ud83d\\ude00\\n\\\"\"}}",
        "\u{FEFF}{\"type\":\"Point\",\"coordinates\":[-0.0,1.5e-3,1E2]}",
        "{\"type\":\"Point\",\"coordinates\":[NaN,-Infinity],\"bbox\":[1,2,3]}",
        "{\"a\":\"\u{01}\",\"a\":[1,2,,]}",
    ]

    @Test(arguments: [1, 2, 3, 7, 64])
    func chunkSizeDoesNotChangeAnyReport(_ chunkSize: Int) throws {
        let small = GeoJSONStructureChecker(chunkSize: chunkSize)
        let normal = GeoJSONStructureChecker()
        var paths: [String] = []
        for folder in [StructureTestPaths.invalidFixtures, StructureTestPaths.validFixtures] {
            paths += StructureTestPaths.geojsonNames(in: folder).map { "\(folder)/\($0)" }
        }
        #expect(paths.count == 62)
        for path in paths {
            #expect(try small.check(path: path) == normal.check(path: path), "\(path) in chunks of \(chunkSize)")
        }
        for sample in Self.chunkSamples {
            let bytes = Array(sample.utf8)
            #expect(small.check(bytes: bytes, name: "s.geojson") == normal.check(bytes: bytes, name: "s.geojson"))
        }
    }

    @Test func formatFollowsTheExtension() {
        for name in ["a.geojsonl", "a.geojsons", "a.geojsonseq", "a.ndjson", "a.jsonl", "dir.x/A.GeoJSONL"] {
            #expect(GeoJSONInputFormat(path: name) == .sequence, "\(name)")
        }
        for name in ["a.geojson", "a.json", "geojsonl", "dir.geojsonl/a", "a.geojsonl.bak"] {
            #expect(GeoJSONInputFormat(path: name) == .document, "\(name)")
        }
    }

    @Test func geoJSONSequenceWithRecordSeparators() throws {
        let directory = try StructureTestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("buildings.geojsons").path
        let text =
            "\u{1E}{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[114.3,30.5]},\"properties\":{}}\n"
            + "\u{1E}{\"type\":\"Feature\",\"geometry\":null,\"properties\":[]}\n"
            + "\u{1E}{\"type\":\"Point\",\"coordinates\":[1]}\n"
            + "\u{1E}{\"type\":\"Feature\",\"geometry\":null,\"properties\":null}\n"
        #expect(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)))
        let report = try GeoJSONStructureChecker().check(path: path)
        #expect(report.featureCount == 3)
        #expect(rules(report) == [StructureRule.memberType, StructureRule.positionTooShort])
        #expect(report.issues[0].featureIndex == 1)
        #expect(report.issues[0].path == "[1].properties")
        #expect(report.issues[0].line == 2 && report.issues[0].column == 2)
        #expect(report.issues[1].featureIndex == 2)
        #expect(report.issues[1].path == "[2].coordinates")
    }

    @Test func newlineDelimitedSequenceWithoutSeparators() {
        let text =
            "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{}}\n\n{\"type\":\"Feature\",\"geometry\":null,\"properties\":{}}\n"
        let report = check(text, name: "x.ndjson")
        #expect(report.issues.isEmpty)
        #expect(report.featureCount == 2)
        #expect(rules(check(text, name: "x.geojson")) == [StructureRule.syntax], "two texts are not one document")
    }

    @Test func sequenceStopsAtASyntaxError() {
        let text =
            "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{}}\n{\"type\":\"Feature\",\n"
            + "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{}}\n"
        let report = check(text, name: "x.geojsonl")
        #expect(rules(report) == [StructureRule.syntax])
        #expect(report.issues.first?.line == 3)
        #expect(report.issues.first?.featureIndex == 1)
        #expect(report.featureCount == 1)
    }

    @Test func missingFileThrowsAnIOError() {
        let path = "/nonexistent-\(UUID().uuidString)/a.geojson"
        let error = #expect(throws: StructureCheckError.self) { try GeoJSONStructureChecker().check(path: path) }
        #expect(error?.operation == "open")
        #expect(error?.code == ENOENT)
        #expect(error?.exitStatus == .io)
        #expect(error?.description.contains(path) == true)
        #expect(error?.description.contains("No such file or directory") == true)
    }

    @Test func directoryThrowsAReadError() throws {
        let directory = try StructureTestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let error = #expect(throws: StructureCheckError.self) {
            try GeoJSONStructureChecker().check(path: directory.path)
        }
        #expect(error?.operation == "read")
        #expect(error?.code == EISDIR)
        #expect(error.map { ($0 as any CityBundleError).exitStatus } == .io)
    }

    @Test func syntaxErrorsHaveLineAndColumn() {
        let cases: [(String, Int, Int)] = [
            ("{\"type\": \"Point\",\n \"coordinates\": [1, 2,]}", 2, 23),
            ("{\"type\": \"Point\", }", 1, 19),
            ("{\"type\" \"Point\"}", 1, 9),
            ("{'type': 'Point'}", 1, 2),
            ("{\"type\": \"Point\" // comment\n}", 1, 18),
            ("{\"coordinates\": [01]}", 1, 19),
            ("{\"coordinates\": [1.]}", 1, 20),
            ("{\"coordinates\": [-]}", 1, 19),
            ("{\"coordinates\": [1e]}", 1, 20),
            ("{\"coordinates\": [+1]}", 1, 18),
            ("{\"name\": \"黄鹤楼\" \"x\": 1}", 1, 16),
            ("{\"name\": \"a\\qb\"}", 1, 12),
            ("{\"name\": \"\\u12G4\"}", 1, 15),
            ("{\"name\": tru}", 1, 13),
            ("{\"a\": 1}}", 1, 9),
        ]
        for (text, line, column) in cases {
            let report = check(text)
            #expect(rules(report).last == StructureRule.syntax, "\(text): \(report.issues)")
            #expect(
                report.issues.last?.line == line && report.issues.last?.column == column, "\(text): \(report.issues)")
        }
    }

    @Test func escapesAndSurrogates() {
        let valid =
            "{\"type\":\"Point\",\"coordinates\":[1,2],\"s\":\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0041 \\ud83d\\ude00\"}"
        #expect(check(valid).issues.isEmpty)
        let lone = check("{\"type\":\"Point\",\"coordinates\":[1,2],\"s\":\"\\ud83d x \\ude00\"}")
        #expect(rules(lone) == [StructureRule.loneSurrogate], "one warning per string")
        #expect(lone.issues.first?.severity == .warning)
    }

    @Test func overlongStringsAndNumbersAreReportedAndCheckingGoesOn() {
        let limits = JSONLimits(maxStringBytes: 8, maxNumberLength: 10)
        let report = check(
            "{\"type\":\"Point\",\"coordinates\":[1.2345678901,2],\"name\":\"123456789\",\"ok\":\"12345678\"}",
            limits: limits)
        #expect(rules(report) == [StructureRule.numberTooLong, StructureRule.stringTooLong])
        #expect(report.issues[0].path == "coordinates[0]")
        #expect(report.issues[1].path == "name")
        #expect(report.issues[1].message.contains("9 bytes"))
    }

    @Test func oversizedFeatureIsSkippedAndTheNextOnesAreChecked() {
        let big = (0..<200).map { "[\($0),0]" }.joined(separator: ",")
        let text = """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[\(big)]}},
            {"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[1,2]]}}
            ]}
            """
        let report = check(text, limits: JSONLimits(maxFeatureBytes: 4096))
        #expect(rules(report) == [StructureRule.featureTooLarge, StructureRule.lineTooShort])
        #expect(report.issues[0].line == 2 && report.issues[0].featureIndex == 0)
        #expect(report.issues[1].line == 3 && report.issues[1].featureIndex == 1)
        #expect(report.featureCount == 2)
        #expect(check(text).issues.map(\.rule) == [StructureRule.lineTooShort], "the default limit is far larger")
    }

    @Test func oversizedRootMemberStopsTheRootCheckButNotTheFeatures() {
        let big = (0..<300).map { "\($0)" }.joined(separator: ",")
        let text = """
            {"type":"FeatureCollection","extra":[\(big)],"properties":{},"features":[
            {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1]}}]}
            """
        let report = check(text, limits: JSONLimits(maxFeatureBytes: 4096))
        #expect(rules(report) == [StructureRule.featureTooLarge, StructureRule.positionTooShort])
        #expect(report.featureCount == 1)
        let manyKeys = "{\"type\":\"Point\"," + (0..<500).map { "\"k\($0)\":0," }.joined() + "\"coordinates\":[1]}"
        #expect(rules(check(manyKeys, limits: JSONLimits(maxFeatureBytes: 4096))) == [StructureRule.featureTooLarge])
    }

    @Test func recordSeparatorOnlyBetweenTexts() {
        let text = "\u{1E}{\"type\":\u{1E}\"Point\",\"coordinates\":[1,2]}\n"
        #expect(rules(check(text, name: "x.geojsonseq")) == [StructureRule.syntax])
    }

    @Test func issuesBeyondTheCapAreCounted() {
        let features = (0..<50).map { _ in "{\"type\":\"Feature\",\"properties\":{}}" }.joined(separator: ",")
        let report = GeoJSONStructureChecker(maxIssues: 10).check(
            bytes: Array("{\"type\":\"FeatureCollection\",\"features\":[\(features)]}".utf8), name: "c.geojson")
        #expect(report.issues.count == 10)
        #expect(report.suppressedIssueCount == 40)
        #expect(report.suppressedErrorCount == 40)
        #expect(report.hasErrors)
        #expect(report.featureCount == 50)
    }

    @Test func columnsCountUnicodeScalars() {
        let report = check("{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"名称\":\"黄鹤楼\",\"id\":[}}")
        #expect(report.issues.last?.column == 66, "the } after [ (名称 and 黄鹤楼 count one column a character)")
    }

    @Test func issueDescriptionAndCoding() throws {
        let issue = StructureIssue(
            rule: StructureRule.typeMissing, severity: .error, message: "a GeoJSON object needs a \"type\" member",
            line: 3, column: 5, featureIndex: 2, path: "features[2].type")
        #expect(
            issue.description
                == "3:5: error: features[2].type: a GeoJSON object needs a \"type\" member [geojson.type-missing]")
        let report = StructureReport(issues: [issue], featureCount: 3)
        let decoded = try JSONDecoder().decode(StructureReport.self, from: JSONEncoder().encode(report))
        #expect(decoded == report)
        #expect(Set(StructureRule.all).count == StructureRule.all.count)
        #expect(StructureRule.all.allSatisfy { $0.hasPrefix("json.") || $0.hasPrefix("geojson.") })
    }
}

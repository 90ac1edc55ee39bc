import CityBundleModel
import Foundation
import Testing

@testable import CityBundlePipeline

/// A pipeline file using every key of format version 1.
private let fullExample = """
    pipeline: wuhan
    title: 武汉市开放数据样例 Wuhan open-data sample
    description: Districts and landmark buildings of Wuhan.
    extent: [113.68, 29.96, 115.09, 31.37]
    assume_wgs84: true
    sources:
      - id: districts
        title: 武汉市行政区划
        path: ../Datasets/wuhan/wuhan_districts.shp
        layer: wuhan_districts
        kind: geospatial
        crs: GCJ-02
        encoding: UTF-8
        fields:
          id: adcode
          name: name
        licence: ODbL-1.0
        attribution: © OpenStreetMap contributors
      - id: landmarks
        path: /srv/data/landmarks.gpkg
        kind: building
        crs: EPSG:2383
        helmert:
          tx: 24
          ty: -123.0
          tz: -94.0
          rx: 0.02
          ry: -0.25
          rz: -0.13
          scale: 1.1
          convention: coordinate_frame
        fields:
          id: bid
          height: height
          floors: levels
          min_height: min_height
      - id: scenic_spots
        path: csv/景点.csv
        kind: scenic_site
        csv:
          lon: 经度
          lat: 纬度
    outputs:
      geojson:
        decimals: 6
      geojsonseq:
        decimals: 5
    """

@Test func fullExampleParsesToExactValues() throws {
    let pipeline = try PipelineLoader.parse(yaml: fullExample, file: "Pipelines/wuhan.yaml")
    let expected = PipelineDefinition(
        id: "wuhan",
        title: "武汉市开放数据样例 Wuhan open-data sample",
        description: "Districts and landmark buildings of Wuhan.",
        extent: BoundingBox(minX: 113.68, minY: 29.96, maxX: 115.09, maxY: 31.37),
        assumeWGS84: true,
        sources: [
            SourceDefinition(
                id: "districts", title: "武汉市行政区划", path: "../Datasets/wuhan/wuhan_districts.shp",
                resolvedPath: "Datasets/wuhan/wuhan_districts.shp", layer: "wuhan_districts", kind: .geospatial,
                crs: "GCJ-02", encoding: "UTF-8", fields: FieldMapping(id: "adcode", name: "name"),
                licence: "ODbL-1.0", attribution: "© OpenStreetMap contributors", line: 7),
            SourceDefinition(
                id: "landmarks", path: "/srv/data/landmarks.gpkg", resolvedPath: "/srv/data/landmarks.gpkg",
                kind: .building, crs: "EPSG:2383",
                helmert: HelmertParameters(
                    tx: 24, ty: -123, tz: -94, rx: 0.02, ry: -0.25, rz: -0.13, scalePPM: 1.1,
                    convention: .coordinateFrame),
                fields: FieldMapping(id: "bid", height: "height", floors: "levels", minHeight: "min_height"),
                line: 19),
            SourceDefinition(
                id: "scenic_spots", path: "csv/景点.csv", resolvedPath: "Pipelines/csv/景点.csv", kind: .scenicSite,
                csv: CSVColumns(lon: "经度", lat: "纬度"), line: 37),
        ],
        outputs: OutputDefinitions(geojson: GeoJSONOutput(decimals: 6), geojsonSeq: GeoJSONOutput(decimals: 5)),
        file: "Pipelines/wuhan.yaml",
        directory: "Pipelines")
    #expect(pipeline == expected)
    // Spot checks that name the field when the whole-value comparison fails.
    #expect(pipeline.sources.map(\.line) == [7, 19, 37])
    #expect(pipeline.sources[0].resolvedPath == "Datasets/wuhan/wuhan_districts.shp")
    #expect(pipeline.sources[1].helmert?.tx == 24)
    #expect(pipeline.source(id: "scenic_spots")?.csv == CSVColumns(lon: "经度", lat: "纬度"))
}

@Test func minimalPipelineGetsDefaults() throws {
    let yaml = """
        pipeline: minimal
        title: Minimal
        sources:
          - id: roads
            path: roads.geojson
            kind: geospatial
            helmert:
              tx: 1
              ty: 2
              tz: 3
              rx: 0
              ry: 0
              rz: 0
              scale: 0
        """
    let pipeline = try PipelineLoader.parse(yaml: yaml, file: "minimal.yaml")
    #expect(pipeline.assumeWGS84 == false)
    #expect(pipeline.description == nil)
    #expect(pipeline.extent == nil)
    #expect(pipeline.outputs == OutputDefinitions(geojson: GeoJSONOutput(decimals: 7), geojsonSeq: nil))
    #expect(pipeline.directory == ".")
    let source = try #require(pipeline.sources.first)
    #expect(source.resolvedPath == "roads.geojson")
    #expect(source.fields == FieldMapping())
    #expect(source.fields.isEmpty)
    #expect(source.csv == nil)
    #expect(source.title == nil && source.layer == nil && source.crs == nil && source.encoding == nil)
    #expect(source.helmert?.convention == .positionVector)
    #expect(source.line == 4)
}

@Test func outputsCanBeEnabledWithEmptyValues() throws {
    let yaml = """
        pipeline: p
        title: T
        sources: [{id: a, path: a.shp, kind: building}]
        outputs:
          geojsonseq:
        """
    let pipeline = try PipelineLoader.parse(yaml: yaml, file: "p.yaml")
    #expect(pipeline.outputs == OutputDefinitions(geojson: nil, geojsonSeq: GeoJSONOutput(decimals: 7)))
}

@Test func anchorsAliasesAndMergeKeysAreAccepted() throws {
    let yaml = """
        pipeline: anchors
        title: Anchors
        sources:
          - &xian80
            id: first
            path: a.shp
            kind: building
            crs: EPSG:2383
            helmert: &params {tx: 1, ty: 2, tz: 3, rx: 0.1, ry: 0.2, rz: 0.3, scale: 4}
          - <<: *xian80
            id: second
            path: b.shp
          - id: third
            path: c.shp
            kind: geospatial
            helmert: *params
        """
    let pipeline = try PipelineLoader.parse(yaml: yaml, file: "anchors.yaml")
    let parameters = HelmertParameters(tx: 1, ty: 2, tz: 3, rx: 0.1, ry: 0.2, rz: 0.3, scalePPM: 4)
    #expect(pipeline.sources.map(\.id) == ["first", "second", "third"])
    #expect(pipeline.sources.map(\.path) == ["a.shp", "b.shp", "c.shp"])
    #expect(pipeline.sources[1].kind == .building)
    #expect(pipeline.sources[1].crs == "EPSG:2383")
    #expect(pipeline.sources.map(\.helmert) == [parameters, parameters, parameters])
    #expect(pipeline.sources[2].kind == .geospatial)
}

@Test func nestedMergeKeysFollowYAMLPrecedence() throws {
    let yaml = """
        pipeline: nested
        title: Nested merges
        sources:
          - &a
            id: first
            path: a.shp
            kind: building
            crs: EPSG:4490
          - &b
            <<: *a
            id: second
            encoding: GBK
          - <<: [*b, {licence: CC-BY-4.0, encoding: UTF-8}]
            id: third
        """
    let pipeline = try PipelineLoader.parse(yaml: yaml, file: "nested.yaml")
    #expect(pipeline.sources.map(\.id) == ["first", "second", "third"])
    #expect(pipeline.sources.map(\.path) == ["a.shp", "a.shp", "a.shp"])
    #expect(pipeline.sources.map(\.crs) == ["EPSG:4490", "EPSG:4490", "EPSG:4490"])
    #expect(pipeline.sources.map(\.encoding) == [nil, "GBK", "GBK"])
    #expect(pipeline.sources.map(\.licence) == [nil, nil, "CC-BY-4.0"])
    #expect(pipeline.sources.map(\.line) == [4, 9, 13])
}

@Test func nullOptionalValuesCountAsAbsent() throws {
    let yaml = """
        pipeline: p
        title: T
        description:
        extent: ~
        sources:
          - id: a
            path: a.shp
            kind: building
            crs: null
            fields:
        """
    let pipeline = try PipelineLoader.parse(yaml: yaml, file: "p.yaml")
    #expect(pipeline.description == nil)
    #expect(pipeline.extent == nil)
    #expect(pipeline.sources[0].crs == nil)
    #expect(pipeline.sources[0].fields == FieldMapping())
}

@Test func scalarsAreReadAsWritten() throws {
    let yaml = """
        pipeline: "2024"
        title: 2024
        sources:
          - id: a
            path: a.shp
            kind: building
            crs: 4490
            encoding: "GBK"
        """
    let pipeline = try PipelineLoader.parse(yaml: yaml, file: "p.yaml")
    #expect(pipeline.id == "2024")
    #expect(pipeline.title == "2024")
    #expect(pipeline.sources[0].crs == "4490")
    #expect(pipeline.sources[0].encoding == "GBK")
}

@Test func byteOrderMarkIsIgnored() throws {
    let yaml = "\u{FEFF}pipeline: p\ntitle: T\nsources: [{id: a, path: a.shp, kind: building}]\n"
    let pipeline = try PipelineLoader.parse(yaml: yaml, file: "p.yaml")
    #expect(pipeline.id == "p")
}

// MARK: - Reading files

/// A fresh temporary directory, removed by the caller.
private func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("cb-pipeline-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Test func loadResolvesSourcePathsAgainstTheFilesDirectory() throws {
    let root = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let pipelines = root.appendingPathComponent("Pipelines")
    try FileManager.default.createDirectory(at: pipelines, withIntermediateDirectories: true)
    let file = pipelines.appendingPathComponent("wuhan.yaml").path
    try fullExample.write(toFile: file, atomically: true, encoding: .utf8)

    let pipeline = try PipelineLoader.load(path: file)
    #expect(pipeline.file == file)
    #expect(pipeline.directory == pipelines.path)
    #expect(pipeline.sources[0].resolvedPath == root.path + "/Datasets/wuhan/wuhan_districts.shp")
    #expect(pipeline.sources[1].resolvedPath == "/srv/data/landmarks.gpkg")
    #expect(pipeline.sources[2].resolvedPath == pipelines.path + "/csv/景点.csv")
}

@Test func missingFileIsAnIOError() throws {
    let path = "/nonexistent-\(UUID().uuidString)/pipeline.yaml"
    let error = try #require(throws: PipelineConfigError.self) { try PipelineLoader.load(path: path) }
    #expect(error.exitStatus == .io)
    #expect(error.file == path)
    #expect(error.line == nil)
    #expect(error.message.contains("no such file"))
}

@Test func directoryIsAnIOError() throws {
    let root = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let error = try #require(throws: PipelineConfigError.self) { try PipelineLoader.load(path: root.path) }
    #expect(error.exitStatus == .io)
    #expect(error.message.contains("directory"))
}

@Test func fileOverTheSizeLimitIsRefused() throws {
    let root = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let file = root.appendingPathComponent("big.yaml").path
    let padding = String(repeating: "# padding\n", count: PipelineLoader.maximumFileSize / 10 + 1)
    try (fullExample + "\n" + padding).write(toFile: file, atomically: true, encoding: .utf8)

    let error = try #require(throws: PipelineConfigError.self) { try PipelineLoader.load(path: file) }
    #expect(error.exitStatus == .usage)
    #expect(error.message.contains("limited to 1 MiB"))

    let parseError = try #require(throws: PipelineConfigError.self) {
        try PipelineLoader.parse(yaml: fullExample + "\n" + padding, file: "big.yaml")
    }
    #expect(parseError.message.contains("limited to 1 MiB"))
}

@Test func invalidUTF8IsLocated() throws {
    let root = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let file = root.appendingPathComponent("gbk.yaml").path
    var data = Data("pipeline: p\ntitle: ".utf8)
    data.append(contentsOf: [0xCE, 0xE4, 0xBA, 0xBA])  // 武汉 in GBK
    try data.write(to: URL(fileURLWithPath: file))

    let error = try #require(throws: PipelineConfigError.self) { try PipelineLoader.load(path: file) }
    #expect(error.exitStatus == .usage)
    #expect(error.line == 2)
    #expect(error.column == 8)
    #expect(error.message.contains("not valid UTF-8"))
}

// MARK: - Error rendering and helpers

@Test func errorDescriptionReadsLikeACompilerDiagnostic() {
    let full = PipelineConfigError(
        file: "Pipelines/wuhan.yaml", line: 12, column: 11, keyPath: "sources[1].kind",
        message: "'buildings' is not one of building, scenic_site, geospatial", hint: "did you mean 'building'?")
    #expect(
        full.description
            == "Pipelines/wuhan.yaml:12:11: sources[1].kind: 'buildings' is not one of building, scenic_site, "
            + "geospatial (did you mean 'building'?)")
    let bare = PipelineConfigError(file: "p.yaml", message: "the pipeline file is empty", exitStatus: .io)
    #expect(bare.description == "p.yaml: the pipeline file is empty")
    #expect(bare.exitStatus == .io)
}

@Test func unknownKindIsDescribedWithSuggestion() throws {
    let yaml = """
        pipeline: wuhan
        title: Wuhan
        sources:
          - id: districts
            path: d.shp
            kind: geospatial
          - id: landmarks
            path: l.shp
            kind:   buildings
        """
    let error = try #require(throws: PipelineConfigError.self) {
        try PipelineLoader.parse(yaml: yaml, file: "Pipelines/wuhan.yaml")
    }
    #expect(
        error.description
            == "Pipelines/wuhan.yaml:9:13: sources[1].kind: 'buildings' is not one of building, scenic_site, "
            + "geospatial (did you mean 'building'?)")
}

@Test(arguments: [
    ("Pipelines/wuhan.yaml", "Pipelines"),
    ("wuhan.yaml", "."),
    ("/etc/citybundle/wuhan.yaml", "/etc/citybundle"),
    ("/wuhan.yaml", "/"),
])
func directoryOfAPipelineFile(file: String, directory: String) {
    #expect(PipelinePath.directory(of: file) == directory)
}

@Test(arguments: [
    ("../Datasets/a.shp", "Pipelines", "Datasets/a.shp"),
    ("./a.shp", ".", "a.shp"),
    ("../../a.shp", "Pipelines", "../a.shp"),
    ("../a.shp", "/srv/pipelines", "/srv/a.shp"),
    ("../../../a.shp", "/srv", "/a.shp"),
    ("/abs/a.shp", "Pipelines", "/abs/a.shp"),
    ("data//x/./a.shp", "p", "p/data/x/a.shp"),
])
func relativePathsResolveLexically(path: String, directory: String, resolved: String) {
    #expect(PipelinePath.resolve(path, against: directory) == resolved)
}

@Test(arguments: [
    ("buildings", "building"),
    ("Building", "building"),
    ("titel", "title"),
    ("assume_wgs", "assume_wgs84"),
    ("license", "licence"),
    ("scenic", "scenic_site"),
    ("long", "lon"),
])
func closeWordsGetSuggestions(word: String, suggestion: String) {
    let candidates = [
        "building", "scenic_site", "geospatial", "title", "assume_wgs84", "licence", "lon", "lat",
    ]
    #expect(Suggestion.closest(to: word, among: candidates) == suggestion)
}

@Test(arguments: ["colour", "xyz", "source"])
func distantWordsGetNoSuggestion(word: String) {
    #expect(Suggestion.closest(to: word, among: ["pipeline", "title", "extent", "outputs"]) == nil)
}

@Test(arguments: [
    ("wuhan", true), ("a", true), ("0-9_x", true), (String(repeating: "a", count: 64), true),
    (String(repeating: "a", count: 65), false), ("", false), ("Wuhan", false), ("_x", false), ("-x", false),
    ("wu han", false), ("武汉", false),
])
func identifierPattern(id: String, valid: Bool) {
    #expect(PipelineLoader.isIdentifier(id) == valid)
}

import CityBundleModel
import Foundation
import Testing

@testable import CityBundlePipeline

/// docs/pipeline.md, found from this file's place in the repository.
private func pipelineDocumentation() throws -> String {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/pipeline.md")
    return try String(contentsOf: url, encoding: .utf8)
}

/// The first fenced YAML block after `heading`.
private func yamlBlock(after heading: String, in text: String) throws -> String {
    let afterHeading = try #require(text.range(of: heading)).upperBound
    let open = try #require(text.range(of: "```yaml\n", range: afterHeading..<text.endIndex))
    let close = try #require(text.range(of: "```", range: open.upperBound..<text.endIndex))
    return String(text[open.upperBound..<close.lowerBound])
}

@Test func documentedCompleteExampleIsValid() throws {
    let example = try yamlBlock(after: "## A complete example", in: pipelineDocumentation())
    let pipeline = try PipelineLoader.parse(yaml: example, file: "Pipelines/wuhan.yaml")
    #expect(pipeline.id == "wuhan")
    #expect(pipeline.sources.map(\.id) == ["districts", "landmarks", "scenic_spots"])
    #expect(pipeline.sources.map(\.kind) == [.geospatial, .building, .scenicSite])
    #expect(pipeline.sources[0].resolvedPath == "Datasets/wuhan/wuhan_districts.shp")
    #expect(
        pipeline.outputs
            == OutputDefinitions(geojson: GeoJSONOutput(decimals: 7), geojsonSeq: GeoJSONOutput(decimals: 6)))
}

@Test func documentedErrorExampleMatchesTheLoader() throws {
    let documentation = try pipelineDocumentation()
    let example = try yamlBlock(after: "## A complete example", in: documentation)
    let broken = example.replacingOccurrences(of: "    kind: building\n", with: "    kind: buildings\n")
    #expect(broken != example)
    let error = try #require(throws: PipelineConfigError.self) {
        try PipelineLoader.parse(yaml: broken, file: "Pipelines/wuhan.yaml")
    }
    #expect(error.keyPath == "sources[1].kind")
    #expect(documentation.contains("\n" + error.description + "\n"))
}

import CityBundleValidate
import Foundation
import Testing

/// The real Wuhan sample data has no structural error.
@Suite struct GeoJSONStructureDatasetTests {
    static let names = StructureTestPaths.geojsonNames(in: StructureTestPaths.wuhanDatasets)

    @Test func datasetsArePresent() {
        #expect(Self.names.contains("osm_buildings_hanyang_sample.geojson"))
        #expect(Self.names.contains("optics_valley_buildings.geojson"))
        #expect(Self.names.contains("scenic_sites.geojson"))
    }

    @Test(arguments: names)
    func datasetHasNoError(_ name: String) throws {
        let report = try GeoJSONStructureChecker().check(path: "\(StructureTestPaths.wuhanDatasets)/\(name)")
        #expect(report.errors.isEmpty, "\(name): \(report.errors.prefix(5))")
        #expect(
            report.warnings.allSatisfy { $0.rule == StructureRule.winding }, "\(name): \(report.warnings.prefix(5))")
    }

    /// SOURCES.md: 5 of the 43 OSM rings are clockwise.
    @Test func hanyangBuildingsHaveExactlyFiveClockwiseRings() throws {
        let report = try GeoJSONStructureChecker().check(
            path: "\(StructureTestPaths.wuhanDatasets)/osm_buildings_hanyang_sample.geojson")
        #expect(report.featureCount == 43)
        #expect(report.errors.isEmpty)
        #expect(report.warnings.count == 5)
        #expect(report.warnings.allSatisfy { $0.rule == StructureRule.winding && $0.message.contains("exterior") })
        #expect(report.warnings.compactMap(\.featureIndex) == [0, 1, 3, 5, 13])
        #expect(report.warnings.first?.path == "features[0].geometry.coordinates[0]")
    }

    /// Tilezen polygons are all clockwise (265 exterior rings and one counter-clockwise hole): valid, with
    /// winding warnings only.
    @Test func opticsValleyBuildingsAreValid() throws {
        let report = try GeoJSONStructureChecker().check(
            path: "\(StructureTestPaths.wuhanDatasets)/optics_valley_buildings.geojson")
        #expect(report.featureCount == 355)
        #expect(report.errors.isEmpty)
        #expect(report.warnings.count == 266)
        #expect(report.warnings.allSatisfy { $0.rule == StructureRule.winding })
    }

    @Test func scenicSitesHaveNoIssue() throws {
        let report = try GeoJSONStructureChecker().check(
            path: "\(StructureTestPaths.wuhanDatasets)/scenic_sites.geojson")
        #expect(report.featureCount == 36)
        #expect(report.issues.isEmpty)
    }
}

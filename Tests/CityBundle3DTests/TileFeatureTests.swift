import CityBundle3D
import CityBundleModel
import Testing

private func feature(_ properties: Properties) -> Feature {
    Feature(
        id: "f", geometry: .polygon([[Position(114.3, 30.5), Position(114.3001, 30.5), Position(114.3001, 30.5001)]]),
        properties: properties, location: SourceLocation(file: "test"))
}

@Test("heights: measured, from floors, default; min_height; zero kept unless treated as missing")
func readsHeights() throws {
    let measured = try #require(
        TileFeature(
            feature(["height": .double(23), "name": .string("黄鹤楼")]), kind: .building, source: "s", fallbackID: "x"))
    #expect(measured.record.height == 23 && !measured.record.heightEstimated && measured.record.name == "黄鹤楼")
    let floors = try #require(
        TileFeature(
            feature(["floors": .int(4), "min_height": .double(3)]), kind: .building, source: "s", fallbackID: "x"))
    #expect(floors.record.height == 12 && floors.record.heightEstimated && floors.minHeight == 3)
    let unknown = try #require(TileFeature(feature([:]), kind: .building, source: "s", fallbackID: "x"))
    #expect(unknown.record.height == 10 && unknown.record.heightEstimated)
    let zero = try #require(TileFeature(feature(["height": .double(0)]), kind: .building, source: "s", fallbackID: "x"))
    #expect(zero.record.height == 0 && !zero.record.heightEstimated)
    #expect(throws: ExtrusionError.nonPositiveHeight(base: 0, top: 0)) {
        try FeatureMesher().mesh(zero, in: SampleTiles.frame, featureID: 0)
    }
    let missing = try #require(
        TileFeature(
            feature(["height": .double(0)]), kind: .building, source: "s", fallbackID: "x",
            nonPositiveHeightIsMissing: true))
    #expect(missing.record.height == 10 && missing.record.heightEstimated)
    let scenic = try #require(TileFeature(feature([:]), kind: .scenicSite, source: "s", fallbackID: "x"))
    #expect(scenic.record.height == 8 && scenic.record.heightEstimated && scenic.record.kind == "scenic_site")
    #expect(
        TileFeature(
            Feature(geometry: nil, location: SourceLocation(file: "t")), kind: .building, source: "s", fallbackID: "x")
            == nil)
}

@Test("a building given only as a point is refused, a scenic point becomes a marker")
func pointsByKind() throws {
    let record = FeatureRecord(id: "p", name: nil, height: 8, kind: "building", source: "s", heightEstimated: true)
    let point = Geometry.point(Position(114.3022, 30.5446))
    #expect(throws: ExtrusionError.notPolygonal("Point")) {
        try FeatureMesher().mesh(
            TileFeature(record: record, geometry: point, kind: .building), in: SampleTiles.frame, featureID: 0)
    }
    let marker = try FeatureMesher().mesh(
        TileFeature(record: record, geometry: point, kind: .scenicSite), in: SampleTiles.frame, featureID: 0)
    #expect(marker[.scenicMarker].triangleCount == 30 && marker.usedMaterials == [.scenicMarker])
}

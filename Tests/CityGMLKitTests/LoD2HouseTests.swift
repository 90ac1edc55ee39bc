import CityBundleModel
import CityGMLKit
import Testing

/// The citygml4j LoD2 house: roof area and volume from the read surfaces against the same sums over
/// the coordinates copied from the file.
@Suite struct LoD2HouseTests {
    /// The seven posLists of citygml4j_LOD2_Building_v100.gml, in file order.
    private let ground = "0.0 0.0 0.0 0.0 12.0 0.0 6.0 12.0 0.0 6.0 0.0 0.0 0.0 0.0 0.0 0.0 0.0 0.0"
    private let walls = [
        "6.0 0.0 0.0 6.0 12.0 0.0 6.0 12.0 6.0 6.0 0.0 6.0 6.0 0.0 0.0 6.0 0.0 0.0",
        "0.0 0.0 0.0 0.0 0.0 6.0 0.0 12.0 6.0 0.0 12.0 0.0 0.0 0.0 0.0 0.0 0.0 0.0",
        "0.0 0.0 0.0 6.0 0.0 0.0 6.0 0.0 6.0 3.0 0.0 9.0 0.0 0.0 6.0 0.0 0.0 0.0 0.0 0.0 0.0",
        "6.0 12.0 0.0 0.0 12.0 0.0 0.0 12.0 6.0 3.0 12.0 9.0 6.0 12.0 6.0 6.0 12.0 0.0 6.0 12.0 0.0",
    ]
    private let roofs = [
        "6.0 0.0 6.0 6.0 12.0 6.0 3.0 12.0 9.0 3.0 0.0 9.0 6.0 0.0 6.0 6.0 0.0 6.0",
        "0.0 0.0 6.0 3.0 0.0 9.0 3.0 12.0 9.0 0.0 12.0 6.0 0.0 0.0 6.0 0.0 0.0 6.0",
    ]

    @Test func roofAreaAndVolume() throws {
        let building = try #require(
            try readObjects(fixture("citygml4j_LOD2_Building_v100.gml"), output: .source).first)
        let roofRings = building.surfaces.filter { $0.type == .roof }.map { $0.rings[0] }
        let readRoofArea = roofRings.map(GeometryMath.area).reduce(0, +)
        let expectedRoofArea = roofs.map { GeometryMath.area(GeometryMath.positions($0)) }.reduce(0, +)
        #expect(abs(readRoofArea - expectedRoofArea) < 1e-9)
        // Two 12 m × √18 m slopes.
        #expect(abs(expectedRoofArea - 24 * 18.0.squareRoot()) < 1e-9)

        let readVolume = abs(GeometryMath.volume(building.surfaces.map { $0.rings[0] }))
        let expectedVolume = abs(GeometryMath.volume(([ground] + walls + roofs).map(GeometryMath.positions)))
        #expect(abs(readVolume - expectedVolume) < 1e-9)
        // A 6 × 12 × 6 box with a 3 m gable prism on top.
        #expect(abs(expectedVolume - (6 * 12 * 6 + 0.5 * 6 * 3 * 12)) < 1e-9)
    }

    @Test func footprintInDeclaredCRS() throws {
        // Local metres declared as UTM 32N: the footprint lands next to (0 N, 4.51 E).
        let path = fixture("citygml4j_LOD2_Building_v100.gml")
        let source = CityGMLFeatureSource(path: path, declaredCRS: "EPSG:25832")
        var features: [Feature] = []
        try source.read(batchSize: 10) { features += $0 }
        #expect(features.count == 1)
        let feature = features[0]
        #expect(feature.id == "Building_01")
        #expect(feature.properties["lod"] == .int(2))
        #expect(feature.properties["surface_types"] == .string("ground:1,roof:2,wall:4"))
        guard case .polygon(let rings) = feature.geometry else {
            Issue.record("footprint is not a polygon")
            return
        }
        let corner = try cs2cs("EPSG:25832", "EPSG:4326", 6, 12)
        let bounds = try #require(feature.geometry?.bounds)
        #expect(abs(bounds.maxX - corner[1]) < 1e-9 && abs(bounds.maxY - corner[0]) < 1e-9)
        #expect(rings[0].allSatisfy { $0.z == nil })
    }
}

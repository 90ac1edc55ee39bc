import CityBundleModel
import CityGMLKit
import Testing

/// Footprints of buildings without a ground surface: the union of what their surfaces cover in plan.
@Suite("Footprints")
struct FootprintTests {
    static func rectangle(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, z: Double) -> [Position] {
        [Position(x0, y0, z), Position(x1, y0, z), Position(x1, y1, z), Position(x0, y1, z), Position(x0, y0, z)]
    }

    static func area(_ ring: [Position]) -> Double {
        var sum = 0.0
        for i in 0..<(ring.count - 1) { sum += ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y }
        return sum / 2
    }

    @Test("an L-shaped building with only roofs and walls gets its L, not the convex hull")
    func lShapeWithoutGround() throws {
        let roofs = [
            CitySurface(type: .roof, lod: 2, rings: [Self.rectangle(0, 0, 10, 4, z: 6)]),
            CitySurface(type: .roof, lod: 2, rings: [Self.rectangle(0, 4, 4, 10, z: 6)]),
        ]
        // A wall stands on the long side: vertical, it covers nothing in plan.
        let wall = CitySurface(
            type: .wall, lod: 2,
            rings: [[Position(0, 0, 0), Position(10, 0, 0), Position(10, 0, 6), Position(0, 0, 6), Position(0, 0, 0)]])
        let building = CityObject(
            id: "L", surfaces: roofs + [wall], location: SourceLocation(file: "test.gml"))
        guard case .polygon(let rings) = try #require(Footprint.of(building)) else {
            Issue.record("expected one polygon")
            return
        }
        #expect(rings.count == 1)
        #expect(abs(Self.area(rings[0]) - 64) < 1e-9, "the L covers 40 + 24 m² (its hull would be 82 m²)")
        #expect(rings[0].allSatisfy { $0.z == nil })
    }
}

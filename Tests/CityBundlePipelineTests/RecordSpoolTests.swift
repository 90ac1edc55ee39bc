import CityBundleModel
import Foundation
import Testing

@Test("spooled features come back exactly: every value type, nested geometry, locations; corrupt bytes are refused")
func featureSpoolRoundTrip() throws {
    let spool = try RecordSpool()
    var features: [Feature] = []
    for i in 0..<500 {
        let ring = [Position(114, 30), Position(114.1, 30, 5), Position(114.1, 30.1), Position(114, 30)]
        let geometry: Geometry? =
            switch i % 4 {
            case 0: .polygon([ring])
            case 1: .geometryCollection([.point(Position(114.3, 30.5, 12)), .multiLineString([ring, ring])])
            case 2: nil
            default: .multiPolygon([[ring], [ring, ring]])
            }
        features.append(
            Feature(
                id: i % 5 == 0 ? nil : "f-\(i)", geometry: geometry,
                properties: [
                    "name": .string("黄鹤楼 \(i)"), "floors": .int(Int64(i) - 250), "height": .double(Double(i) / 3),
                    "public": .bool(i % 2 == 0), "note": .null,
                ],
                location: SourceLocation(
                    file: "sites.geojson", layer: i % 3 == 0 ? nil : "sites", feature: Int64(i),
                    line: i % 2 == 0 ? i : nil)
            ))
        try spool.append(features[i].spooledBytes, bounds: geometry?.bounds)
    }
    for i in stride(from: 499, through: 0, by: -7) {
        #expect(try Feature(spooled: try spool.record(at: i)) == features[i])
        #expect(spool.bounds(at: i) == features[i].geometry?.bounds)
    }
    var bytes = features[3].spooledBytes
    bytes.removeLast(5)
    #expect(throws: SpoolError.self) { try Feature(spooled: bytes) }
}

import CityBundleExport
import CityBundleModel
import Foundation
import Testing

struct LargeOutputTests {
    /// Streams 200 000 small features (many 1 MiB chunks) and checks the summary against the file.
    @Test func twoHundredThousandFeatures() throws {
        let directory = try TestSupport.makeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("many.geojson").path
        let count = 200_000
        var writer = GeoJSONWriter(path: path, format: .featureCollection, decimals: 7, name: "many")
        for index in 0..<count {
            let x = 114.0 + Double(index % 1000) * 0.0001
            let y = 30.0 + Double(index / 1000) * 0.0001
            try writer.write(
                Feature(
                    id: String(index), geometry: .point(Position(x, y)), properties: ["i": .int(Int64(index))],
                    location: TestSupport.location))
        }
        let summary = try writer.finish()
        #expect(summary.featureCount == count)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.size] as? NSNumber)?.int64Value == summary.byteCount)
        #expect(summary.byteCount > Int64(GeoJSONWriter.chunkSize) * 4)
        #expect(summary.bounds == BoundingBox(minX: 114.0, minY: 30.0, maxX: 114.0999, maxY: 30.0199))
        #expect(try TestSupport.listing(directory) == ["many.geojson"])

        let document = try TestSupport.parseObject(try Data(contentsOf: URL(fileURLWithPath: path)))
        let features = try #require(document["features"] as? [Any])
        #expect(features.count == count)
    }
}

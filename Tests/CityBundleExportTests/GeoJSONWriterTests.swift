import CityBundleExport
import CityBundleModel
import Foundation
import Testing

struct GeoJSONWriterTests {
    static let expectedBounds = BoundingBox(minX: 114.27, minY: 30.53, maxX: 114.312, maxY: 30.56)

    @Test func featureCollectionFileParsesBackAndPassesTheValidator() throws {
        let directory = try TestSupport.makeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("黄鹤楼.geojson").path

        var writer = GeoJSONWriter(path: path, format: .featureCollection, decimals: 7, name: "黄鹤楼 \"景区\"")
        for feature in TestSupport.mixedFeatures { try writer.write(feature) }
        let summary = try writer.finish()

        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(summary.path == path)
        #expect(summary.featureCount == TestSupport.mixedFeatures.count)
        #expect(summary.byteCount == Int64(data.count))
        #expect(summary.bounds == Self.expectedBounds)

        // Layout: header line, one feature per line, closing line.
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == #"{"type":"FeatureCollection","name":"黄鹤楼 \"景区\"","features":["#)
        #expect(lines.count == TestSupport.mixedFeatures.count + 3)
        #expect(lines.suffix(2) == ["]}", ""])

        let document = try TestSupport.parseObject(data)
        #expect(document["type"] as? String == "FeatureCollection")
        #expect(document["name"] as? String == "黄鹤楼 \"景区\"")
        #expect(document["crs"] == nil)
        let features = try #require(document["features"] as? [[String: Any]])
        try Self.compare(features, with: TestSupport.mixedFeatures)

        let (status, output) = try TestSupport.validate(path)
        #expect(status == 0, "check_geojson.sh failed:\n\(output)")
    }

    @Test func sequenceFileParsesBackAndPassesTheValidator() throws {
        let directory = try TestSupport.makeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("features.geojsonl").path

        var writer = GeoJSONWriter(path: path, format: .sequence, decimals: 7, name: "ignored")
        for feature in TestSupport.mixedFeatures { try writer.write(feature) }
        let summary = try writer.finish()

        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(summary.featureCount == TestSupport.mixedFeatures.count)
        #expect(summary.byteCount == Int64(data.count))
        #expect(summary.bounds == Self.expectedBounds)
        #expect(data.last == UInt8(ascii: "\n"))

        let lines = data.split(separator: UInt8(ascii: "\n"))
        #expect(lines.count == TestSupport.mixedFeatures.count)
        let features = try lines.map { try TestSupport.parseObject($0) }
        try Self.compare(features, with: TestSupport.mixedFeatures)

        let (status, output) = try TestSupport.validate(path)
        #expect(status == 0, "check_geojson.sh failed:\n\(output)")
    }

    @Test func emptyOutputsAreValidJSON() throws {
        let directory = try TestSupport.makeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let collectionPath = directory.appendingPathComponent("empty.geojson").path
        var collection = GeoJSONWriter(path: collectionPath, format: .featureCollection)
        let summary = try collection.finish()
        #expect(summary.featureCount == 0)
        #expect(summary.bounds == nil)
        let text = try String(contentsOfFile: collectionPath, encoding: .utf8)
        #expect(text == "{\"type\":\"FeatureCollection\",\"features\":[]}\n")
        _ = try TestSupport.parseObject(Array(text.utf8))

        let sequencePath = directory.appendingPathComponent("empty.geojsonl").path
        var sequence = GeoJSONWriter(path: sequencePath, format: .sequence)
        #expect(try sequence.finish().byteCount == 0)
        #expect(FileManager.default.fileExists(atPath: sequencePath))
    }

    @Test func coarserDecimalsAreHonouredInFiles() throws {
        let directory = try TestSupport.makeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("coarse.geojson").path
        var writer = GeoJSONWriter(path: path, format: .featureCollection, decimals: 3, name: nil)
        for feature in TestSupport.mixedFeatures { try writer.write(feature) }
        _ = try writer.finish()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(#""coordinates":[114.302,30.544,23.123]"#))
        #expect(!text.contains("\"name\":null"))
        let (status, output) = try TestSupport.validate(path)
        #expect(status == 0, "check_geojson.sh failed:\n\(output)")
    }

    // MARK: - Comparison with the input

    /// Compares parsed features with the input: ids, properties, geometry types, rounded coordinates, winding.
    static func compare(_ parsed: [[String: Any]], with input: [Feature]) throws {
        try #require(parsed.count == input.count)
        for (object, feature) in zip(parsed, input) {
            #expect(object["type"] as? String == "Feature")
            #expect(object["id"] as? String == feature.id)
            #expect(object.keys.contains("id") == (feature.id != nil))
            #expect(object["crs"] == nil)
            try compareProperties(object["properties"], with: feature.properties)
            guard let geometry = feature.geometry else {
                #expect(object["geometry"] is NSNull)
                continue
            }
            let parsedGeometry = try #require(object["geometry"] as? [String: Any])
            try compareGeometry(parsedGeometry, with: geometry)
        }
    }

    static func compareProperties(_ any: Any?, with properties: Properties) throws {
        let parsed = try #require(any as? [String: Any])
        #expect(parsed.count == properties.count)
        for property in properties {
            let value = parsed[property.name]
            switch property.value {
            case .null: #expect(value is NSNull, "\(property.name)")
            case .bool(let flag): #expect(value as? Bool == flag, "\(property.name)")
            case .int(let integer): #expect((value as? NSNumber)?.int64Value == integer, "\(property.name)")
            case .double(let number) where number.isFinite: #expect(value as? Double == number, "\(property.name)")
            case .double: #expect(value is NSNull, "\(property.name)")
            case .string(let text): #expect(value as? String == text, "\(property.name)")
            }
        }
    }

    static func compareGeometry(_ parsed: [String: Any], with geometry: Geometry) throws {
        #expect(parsed["type"] as? String == geometry.typeName)
        let coordinates = parsed["coordinates"]
        switch geometry {
        case .point(let position):
            try comparePositions([coordinates as Any], with: [position])
        case .multiPoint(let positions), .lineString(let positions):
            try comparePositions(coordinates, with: positions)
        case .multiLineString(let lines):
            let parts = try #require(coordinates as? [Any])
            try #require(parts.count == lines.count)
            for (part, line) in zip(parts, lines) { try comparePositions(part, with: line) }
        case .polygon(let rings):
            try comparePolygon(coordinates, with: rings)
        case .multiPolygon(let polygons):
            let parts = try #require(coordinates as? [Any])
            try #require(parts.count == polygons.count)
            for (part, rings) in zip(parts, polygons) { try comparePolygon(part, with: rings) }
        case .geometryCollection(let members):
            let parts = try #require(parsed["geometries"] as? [[String: Any]])
            try #require(parts.count == members.count)
            for (part, member) in zip(parts, members) { try compareGeometry(part, with: member) }
        }
    }

    /// Rings come back rewound (exterior CCW, holes CW) but with the same set of rounded vertices.
    static func comparePolygon(_ any: Any?, with rings: [[Position]]) throws {
        let parsedRings = try #require(any as? [Any])
        try #require(parsedRings.count == rings.count)
        for (index, (parsedRing, ring)) in zip(parsedRings, rings).enumerated() {
            let positions = try TestSupport.positions(parsedRing)
            #expect(positions.first == positions.last, "ring must stay closed")
            let area = TestSupport.doubledArea(positions)
            if index == 0 {
                #expect(area > 0, "exterior must be counter-clockwise")
            } else {
                #expect(area < 0, "hole must be clockwise")
            }
            let original = ring.map { [round7($0.x), round7($0.y)] }
            let sameOrder = positions == original
            let reversed = positions == original.reversed()
            #expect(sameOrder || reversed, "\(positions) vs \(original)")
        }
    }

    static func comparePositions(_ any: Any?, with input: [Position]) throws {
        let positions = try TestSupport.positions(any)
        try #require(positions.count == input.count)
        for (parsed, position) in zip(positions, input) {
            var expected = [round7(position.x), round7(position.y)]
            if let z = position.z { expected.append(round7(z)) }
            #expect(parsed == expected)
        }
    }

    static func round7(_ value: Double) -> Double {
        (value * 1e7).rounded(.toNearestOrAwayFromZero) / 1e7
    }
}

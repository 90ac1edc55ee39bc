import CityBundleExport
import CityBundleModel
import Foundation
import Testing

struct FeatureEncodingTests {
    @Test func featureShape() {
        let feature = Feature(
            id: "a-1", geometry: .point(Position(114.302, 30.544)),
            properties: ["name": .string("x"), "n": .int(3), "h": .double(1.5), "ok": .bool(false), "none": .null],
            location: TestSupport.location)
        #expect(
            TestSupport.encode(feature)
                == #"{"type":"Feature","id":"a-1","geometry":{"type":"Point","coordinates":[114.302,30.544]},"#
                + #""properties":{"name":"x","n":3,"h":1.5,"ok":false,"none":null}}"#)
    }

    @Test func nilIdIsOmittedNilGeometryIsNullEmptyPropertiesAreAnObject() {
        let text = TestSupport.encode(Feature(geometry: nil, location: TestSupport.location))
        #expect(text == #"{"type":"Feature","geometry":null,"properties":{}}"#)
    }

    @Test func geometryCollection() {
        let geometry = Geometry.geometryCollection([
            .point(Position(1, 2)), .lineString([Position(0, 0), Position(1, 1)]),
        ])
        let text = TestSupport.encode(Feature(geometry: geometry, location: TestSupport.location))
        #expect(
            text
                == #"{"type":"Feature","geometry":{"type":"GeometryCollection","geometries":["#
                + #"{"type":"Point","coordinates":[1,2]},{"type":"LineString","coordinates":[[0,0],[1,1]]}]},"#
                + #""properties":{}}"#)
    }

    @Test func stringsAreEscapedPerRFC8259() throws {
        let tricky = "a\"b\\c\nd\u{01}e\tf\r\u{08}\u{0C}\u{1F}/黄鹤楼"
        let feature = Feature(
            id: "id\"1", geometry: nil, properties: Properties([Property("名\n\"称\"", .string(tricky))]),
            location: TestSupport.location)
        var buffer: [UInt8] = []
        GeoJSONFeatureEncoder().encode(feature, into: &buffer)
        let text = String(decoding: buffer, as: UTF8.self)
        #expect(
            text
                == #"{"type":"Feature","id":"id\"1","geometry":null,"properties":{"名\n\"称\"":"#
                + #""a\"b\\c\nd\u0001e\tf\r\b\f\u001f/黄鹤楼"}}"#)
        // Chinese is written as raw UTF-8 bytes, not as \u escapes.
        let yellowCraneTower: [UInt8] = [0xE9, 0xBB, 0x84, 0xE9, 0xB9, 0xA4, 0xE6, 0xA5, 0xBC]
        #expect(buffer.firstRange(of: yellowCraneTower) != nil)
        #expect(!text.contains("\\u9ec4"))
        // No raw control characters at all.
        #expect(!buffer.contains { $0 < 0x20 })
        // And a real JSON parser gives the original strings back.
        let object = try TestSupport.parseObject(buffer)
        #expect(object["id"] as? String == "id\"1")
        let properties = try #require(object["properties"] as? [String: Any])
        #expect(properties["名\n\"称\""] as? String == tricky)
    }

    @Test func nonFiniteDoublePropertiesBecomeNull() throws {
        let feature = Feature(
            geometry: nil,
            properties: [
                "nan": .double(.nan), "inf": .double(.infinity), "ninf": .double(-.infinity), "x": .double(0.1),
            ],
            location: TestSupport.location)
        let text = TestSupport.encode(feature)
        #expect(text.hasSuffix(#""properties":{"nan":null,"inf":null,"ninf":null,"x":0.1}}"#))
        _ = try TestSupport.parseObject(Array(text.utf8))
    }

    @Test func numbersInPropertiesAreExactAndValidJSON() throws {
        let feature = Feature(
            geometry: nil,
            properties: [
                "min": .int(.min), "max": .int(.max), "tiny": .double(1e-7), "huge": .double(1e300),
                "negzero": .double(-0.0),
            ],
            location: TestSupport.location)
        let text = TestSupport.encode(feature)
        #expect(text.contains(#""min":-9223372036854775808,"max":9223372036854775807"#))
        let object = try TestSupport.parseObject(Array(text.utf8))
        let properties = try #require(object["properties"] as? [String: Any])
        #expect(properties["tiny"] as? Double == 1e-7)
        #expect(properties["huge"] as? Double == 1e300)
    }

    @Test func thereIsNeverACrsMember() {
        for feature in TestSupport.mixedFeatures {
            #expect(!TestSupport.encode(feature).contains("crs"))
        }
    }

    @Test func encoderAppendsWithoutSeparators() {
        var buffer = Array("prefix".utf8)
        GeoJSONFeatureEncoder().encode(Feature(geometry: nil, location: TestSupport.location), into: &buffer)
        let text = String(decoding: buffer, as: UTF8.self)
        #expect(text == #"prefix{"type":"Feature","geometry":null,"properties":{}}"#)
    }
}

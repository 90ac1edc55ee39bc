import CityBundleExport
import CityBundleModel
import CityBundleTesting
import Foundation
import Testing

/// Shared helpers and fixtures for the export tests.
enum TestSupport {
    static let location = SourceLocation(file: "test.geojson")

    /// The independent RFC 7946 checker from the shared tools.
    static let validatorPath = Fixtures.tool("check_geojson.sh")

    /// Encodes `feature` and returns the text.
    static func encode(_ feature: Feature, decimals: Int = 7) -> String {
        var buffer: [UInt8] = []
        GeoJSONFeatureEncoder(decimals: decimals).encode(feature, into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Encodes `geometry` in a bare feature and returns the text of its `coordinates` member.
    static func coordinates(_ geometry: Geometry, decimals: Int = 7) -> String {
        let text = encode(Feature(geometry: geometry, location: location), decimals: decimals)
        guard let start = text.range(of: #""coordinates":"#), let end = text.range(of: #"},"properties""#)
        else { return "<no coordinates in \(text)>" }
        return String(text[start.upperBound..<end.lowerBound])
    }

    /// The literal text a single ordinate `x` is written as.
    static func ordinate(_ x: Double, decimals: Int = 7) -> String {
        let text = coordinates(.point(Position(x, 0)), decimals: decimals)
        // "[<x>,0]"
        return String(text.dropFirst().prefix { $0 != "," })
    }

    /// Parses one JSON object.
    static func parseObject(_ bytes: some Sequence<UInt8>) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
        return try #require(object as? [String: Any], "not a JSON object")
    }

    /// A fresh empty directory under the system temporary directory.
    static func makeDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("cb-export-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The names in `directory`, hidden files included, sorted.
    static func listing(_ directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    /// Runs the independent validator on `path`; returns its exit status and output.
    static func validate(_ path: String) throws -> (status: Int32, output: String) {
        try #require(
            FileManager.default.fileExists(atPath: validatorPath),
            "the independent GeoJSON validator \(validatorPath) is missing; run `make tools` first")
        let result = try ExternalCommand.validate("check_geojson.sh", [path])
        return (result.status, result.stdout + result.stderr)
    }

    /// Twice the signed area of a parsed ring (positive = counter-clockwise).
    static func doubledArea(_ ring: [[Double]]) -> Double {
        var sum = 0.0
        for index in 0..<(ring.count - 1) {
            sum += ring[index][0] * ring[index + 1][1] - ring[index + 1][0] * ring[index][1]
        }
        return sum
    }

    /// A parsed coordinate array as `[[Double]]`.
    static func positions(_ any: Any?) throws -> [[Double]] {
        let array = try #require(any as? [Any], "not an array")
        return try array.map { try #require($0 as? [Double], "not a position") }
    }

    // MARK: - Fixtures

    /// A closed ring through `points`, in the given order.
    static func ring(_ points: [(Double, Double)]) -> [Position] {
        let positions = points.map { Position($0.0, $0.1) }
        return positions + [positions[0]]
    }

    /// A square around 黄鹤楼 (Yellow Crane Tower, 114.302, 30.544) given CLOCKWISE, with a square hole given
    /// COUNTER-CLOCKWISE: both wrong for RFC 7946, so the encoder must rewind both.
    static let yellowCraneTower: [[Position]] = [
        ring([(114.300, 30.542), (114.300, 30.546), (114.304, 30.546), (114.304, 30.542)]),
        ring([(114.301, 30.543), (114.303, 30.543), (114.303, 30.545), (114.301, 30.545)]),
    ]

    /// A mixed set of features covering every geometry kind, null geometry and Chinese properties.
    static let mixedFeatures: [Feature] = [
        Feature(
            id: "hhl-1", geometry: .polygon(yellowCraneTower),
            properties: [
                "name": .string("黄鹤楼"), "name_en": .string("Yellow Crane Tower"), "height_m": .double(51.4),
                "floors": .int(5), "open": .bool(true), "note": .string("\"天下江山第一楼\"\n\\ 武汉"),
            ],
            location: location),
        Feature(
            id: "hhl-2",
            geometry: .multiPolygon([
                yellowCraneTower,
                [ring([(114.310, 30.550), (114.312, 30.550), (114.312, 30.552), (114.310, 30.552)])],
            ]),
            properties: ["name": .string("黄鹤楼公园"), "area": .null], location: location),
        Feature(
            id: "gate", geometry: .point(Position(114.3021234567891, 30.5441234567891, 23.123456789)),
            properties: ["name": .string("南大门"), "rank": .int(-3)], location: location),
        Feature(
            id: "path",
            geometry: .lineString([Position(114.300, 30.540), Position(114.3005, 30.5405), Position(114.301, 30.541)]),
            properties: ["name": .string("步道")], location: location),
        Feature(
            id: nil, geometry: nil, properties: ["name": .string("无几何"), "nan": .double(.nan)], location: location),
        Feature(
            id: "bridges",
            geometry: .multiLineString([
                [Position(114.28, 30.55), Position(114.29, 30.56)],
                [Position(114.27, 30.54), Position(114.28, 30.53)],
            ]), location: location),
        Feature(
            id: "kiosks", geometry: .multiPoint([Position(114.3011, 30.5431), Position(114.3012, 30.5432)]),
            properties: [:], location: location),
        Feature(
            id: "collection",
            geometry: .geometryCollection([
                .point(Position(114.305, 30.547)),
                .lineString([Position(114.305, 30.547), Position(114.306, 30.548)]),
            ]), properties: ["kind": .string("混合")], location: location),
    ]
}

import CityBundle3D
import CityBundleModel
import Foundation

/// Reads GeoJSON fixture files into pipeline `Feature`s (enough of RFC 7946 for the Wuhan samples).
enum GeoJSONFixtures {
    static func features(_ path: String) throws -> [Feature] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let root = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let items = root?["features"] as? [[String: Any]] ?? []
        return items.enumerated().map { index, item in
            var properties = Properties()
            for (key, value) in (item["properties"] as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }) {
                switch value {
                case let number as NSNumber: properties[key] = .double(number.doubleValue)
                case let text as String: properties[key] = .string(text)
                default: break
                }
            }
            let id = (item["properties"] as? [String: Any])?["id"].map { "\($0)" }
            return Feature(
                id: id, geometry: geometry(item["geometry"] as? [String: Any]), properties: properties,
                location: SourceLocation(file: path, feature: Int64(index)))
        }
    }

    static func geometry(_ object: [String: Any]?) -> Geometry? {
        guard let object, let type = object["type"] as? String else { return nil }
        func position(_ value: Any) -> Position {
            let xy = value as? [Double] ?? []
            return Position(xy[0], xy[1])
        }
        let coordinates = object["coordinates"] ?? []
        switch type {
        case "Point": return .point(position(coordinates))
        case "Polygon": return .polygon((coordinates as? [[Any]] ?? []).map { $0.map(position) })
        case "MultiPolygon":
            return .multiPolygon((coordinates as? [[[Any]]] ?? []).map { $0.map { $0.map(position) } })
        default: return nil
        }
    }

    /// The Wuhan buildings and scenic sites as tile features.
    static func wuhan() throws -> [TileFeature] {
        let sources: [(String, DataKind)] = [
            ("wuhan/osm_buildings_hanyang_sample.geojson", .building),
            ("wuhan/optics_valley_buildings.geojson", .building),
            ("wuhan/scenic_sites.geojson", .scenicSite),
        ]
        var result: [TileFeature] = []
        for (file, kind) in sources {
            let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            for (i, feature) in try features(TestPaths.fixture(file)).enumerated() {
                if let tileFeature = TileFeature(feature, kind: kind, source: name, fallbackID: "\(name)-\(i)") {
                    result.append(tileFeature)
                }
            }
        }
        return result
    }
}

public import CityBundleModel
import Foundation

/// Reads small GeoJSON test files with Foundation (independently of the code under test).
public enum GeoJSONSummary {
    /// The number of features of a FeatureCollection and the extent of all their positions.
    public static func of(_ path: String) throws -> (count: Int, bbox: BoundingBox) {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
        let features = ((object as? [String: Any])?["features"] as? [[String: Any]]) ?? []
        var box: BoundingBox?
        func visit(_ value: Any) {
            if let pair = value as? [Double], pair.count >= 2 {
                let position = Position(pair[0], pair[1])
                if box == nil { box = BoundingBox(position) } else { box!.extend(position) }
            } else if let list = value as? [Any] {
                list.forEach(visit)
            }
        }
        for feature in features { visit((feature["geometry"] as? [String: Any])?["coordinates"] ?? []) }
        guard let box else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: path]) }
        return (features.count, box)
    }
}

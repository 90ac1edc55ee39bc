/// The nine GeoJSON object types (RFC 7946 §1.4), spelled as in `type` members (case-sensitive).
enum GeoJSONType: String, CaseIterable {
    case point = "Point"
    case multiPoint = "MultiPoint"
    case lineString = "LineString"
    case multiLineString = "MultiLineString"
    case polygon = "Polygon"
    case multiPolygon = "MultiPolygon"
    case geometryCollection = "GeometryCollection"
    case feature = "Feature"
    case featureCollection = "FeatureCollection"

    /// True for the seven geometry types.
    var isGeometry: Bool { self != .feature && self != .featureCollection }

    /// The type whose name matches `name` ignoring case, for "did you mean" messages.
    static func matchingIgnoringCase(_ name: String) -> GeoJSONType? {
        let lowered = name.lowercased()
        return allCases.first { $0.rawValue.lowercased() == lowered }
    }
}

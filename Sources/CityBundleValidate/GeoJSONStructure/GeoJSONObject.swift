/// A JSON object seen as a GeoJSON object: the members the rules look at, found in one pass over its
/// members. Of a repeated name the last member counts, as in JavaScript (and geojsonhint).
struct GeoJSONObject {
    /// The object itself, for its place in the source.
    let node: JSONNode
    var type: JSONNode?
    var id: JSONNode?
    var bbox: JSONNode?
    var crs: JSONNode?
    var properties: JSONNode?
    var geometry: JSONNode?
    var coordinates: JSONNode?
    var geometries: JSONNode?
    var features: JSONNode?

    /// Nil when `node` is not an object.
    init?(_ node: JSONNode) {
        guard case .object(let members) = node.value else { return nil }
        self.node = node
        for index in 0..<members.count {
            let value = members[index].value
            switch members[index].key {
            case "type": type = value
            case "id": id = value
            case "bbox": bbox = value
            case "crs": crs = value
            case "properties": properties = value
            case "geometry": geometry = value
            case "coordinates": coordinates = value
            case "geometries": geometries = value
            case "features": features = value
            default: break
            }
        }
    }

    /// The member named `name`, one of the nine above.
    subscript(name: String) -> JSONNode? {
        switch name {
        case "type": type
        case "id": id
        case "bbox": bbox
        case "crs": crs
        case "properties": properties
        case "geometry": geometry
        case "coordinates": coordinates
        case "geometries": geometries
        case "features": features
        default: nil
        }
    }
}

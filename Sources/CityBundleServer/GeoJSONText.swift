import CityBundleModel

/// RFC 7946 GeoJSON text for features read through GDAL, properties in the file's order.
enum GeoJSONText {
    /// A Feature object.
    static func feature(id: String?, numericID: Bool, geometry: Geometry?, properties: Properties) -> String {
        var text = "{\"type\":\"Feature\""
        if let id { text += ",\"id\":" + (numericID ? id : string(id)) }
        text += ",\"geometry\":" + (geometry.map(self.geometry) ?? "null")
        text += ",\"properties\":{"
        text += properties.entries.map { string($0.name) + ":" + value($0.value) }.joined(separator: ",")
        return text + "}}"
    }

    /// A geometry object.
    static func geometry(_ geometry: Geometry) -> String {
        let coordinates: String
        switch geometry {
        case .point(let position): coordinates = self.position(position)
        case .multiPoint(let positions), .lineString(let positions): coordinates = line(positions)
        case .multiLineString(let lines), .polygon(let lines):
            coordinates = "[" + lines.map(line).joined(separator: ",") + "]"
        case .multiPolygon(let polygons):
            coordinates =
                "[" + polygons.map { "[" + $0.map(line).joined(separator: ",") + "]" }.joined(separator: ",") + "]"
        case .geometryCollection(let parts):
            return "{\"type\":\"GeometryCollection\",\"geometries\":[" + parts.map(self.geometry).joined(separator: ",")
                + "]}"
        }
        return "{\"type\":\"\(geometry.typeName)\",\"coordinates\":\(coordinates)}"
    }

    /// A JSON string literal.
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20 || c.value == 0x2028 || c.value == 0x2029:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A JSON number (non-finite numbers become null).
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    private static func value(_ value: Value) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .int(let number): String(number)
        case .double(let number): self.number(number)
        case .string(let text): string(text)
        }
    }

    private static func position(_ position: Position) -> String {
        var text = "[" + number(position.x) + "," + number(position.y)
        if let z = position.z { text += "," + number(z) }
        return text + "]"
    }

    private static func line(_ positions: [Position]) -> String {
        "[" + positions.map(position).joined(separator: ",") + "]"
    }
}

import CityBundleModel
import CityBundlePipeline

/// Records the attribute names and value types that reach the output, in first-seen order, so the
/// published Data Package can describe each layer's fields. A pass-through stage.
final class SchemaCollector: FeatureTransform {
    let name = "schema"
    private(set) var fields: [(name: String, type: String)] = []
    private var index: [String: Int] = [:]

    func apply(_ feature: Feature) throws -> Feature? {
        for property in feature.properties {
            let type = Self.type(of: property.value)
            if let position = index[property.name] {
                let known = fields[position].type
                if known != type, type != "null" {
                    fields[position].type = known == "null" ? type : Self.widened(known, type)
                }
            } else {
                index[property.name] = fields.count
                fields.append((property.name, type))
            }
        }
        return feature
    }

    private static func type(of value: Value) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .int: "integer"
        case .double: "number"
        case .string: "string"
        }
    }

    /// The type that holds both: integers and numbers are numbers; anything else mixed is "any".
    private static func widened(_ a: String, _ b: String) -> String {
        Set([a, b]) == ["integer", "number"] ? "number" : "any"
    }
}

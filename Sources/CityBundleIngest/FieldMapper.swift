import CityBundleModel
import CityBundlePipeline

/// Renames mapped source fields to CityBundle's standard properties (`name`, `height`, `floors`,
/// `min_height`), makes heights and floor counts numeric, and takes the id field out as the id.
struct FieldMapper: Sendable {
    let mapping: FieldMapping
    private let renames: [(source: String, standard: String, numeric: Bool)]

    init(_ mapping: FieldMapping) {
        self.mapping = mapping
        var renames: [(String, String, Bool)] = []
        if let name = mapping.name { renames.append((name, "name", false)) }
        if let height = mapping.height { renames.append((height, "height", true)) }
        if let floors = mapping.floors { renames.append((floors, "floors", true)) }
        if let minHeight = mapping.minHeight { renames.append((minHeight, "min_height", true)) }
        self.renames = renames
    }

    /// The id value from the mapped id field (removed from the properties), if any.
    func apply(to properties: inout Properties) -> String? {
        var id: String?
        if let field = mapping.id {
            id = properties.remove(field)?.textValue
        }
        for (source, standard, numeric) in renames where source != standard {
            guard let value = properties.remove(source) else { continue }
            if let clash = properties.remove(standard) {
                properties["\(standard)_source"] = clash
            }
            properties[standard] = numeric ? numericValue(value) : value
        }
        for (source, standard, numeric) in renames where source == standard && numeric {
            if let value = properties[standard] { properties[standard] = numericValue(value) }
        }
        return id
    }

    /// Numbers stay numbers; numeric text becomes a number; anything else becomes null.
    private func numericValue(_ value: Value) -> Value {
        switch value {
        case .int, .double, .null: value
        default: value.numericValue.map(Value.double) ?? .null
        }
    }
}

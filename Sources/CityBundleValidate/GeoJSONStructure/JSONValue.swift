/// A JSON value of a tree that ``JSONTreeBuilder`` holds for one feature at a time.
enum JSONValue {
    case null
    case bool(Bool)
    /// NaN or infinite when the literal was already reported by the parser.
    case number(Double)
    case string(String)
    case array([JSONNode])
    /// Members in source order; a repeated name appears twice and the last one counts.
    case object([JSONMember])

    /// The JSON type's name for messages: `an object`, `an array`, `a string`, …
    var typeDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

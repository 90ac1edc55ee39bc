/// A JSON value with the place its first character has in the source.
struct JSONNode {
    var value: JSONValue
    /// 1-based line of the value's first character.
    var line: Int
    /// 1-based column (Unicode scalars) of the value's first character.
    var column: Int

    /// The elements when the value is an array.
    var elements: [JSONNode]? {
        if case .array(let elements) = value { return elements }
        return nil
    }
}

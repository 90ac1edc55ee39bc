/// One attribute column of a layer.
public struct FieldDefinition: Sendable, Hashable {
    /// The kinds of values a column holds.
    public enum FieldType: String, Sendable {
        case integer, integer64, real, string, date, time, dateTime, boolean, binary
        case integerList, integer64List, realList, stringList
    }

    public var name: String
    public var type: FieldType
    public var width: Int
    public var precision: Int

    public init(name: String, type: FieldType, width: Int = 0, precision: Int = 0) {
        self.name = name
        self.type = type
        self.width = width
        self.precision = precision
    }
}

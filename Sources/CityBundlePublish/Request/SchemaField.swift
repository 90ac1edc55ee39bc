/// A column of a tabular layer, for the Frictionless table schema.
public struct SchemaField: Sendable, Hashable, Codable {
    /// Frictionless Table Schema field types.
    public enum FieldType: String, Sendable, Hashable, Codable, CaseIterable {
        /// Text.
        case string
        /// A whole number.
        case integer
        /// A decimal number.
        case number
        /// `true` / `false`.
        case boolean
        /// An ISO 8601 date.
        case date
        /// An ISO 8601 date and time.
        case datetime
        /// An ISO 8601 time.
        case time
        /// A calendar year.
        case year
        /// A JSON object.
        case object
        /// A JSON array.
        case array
        /// A GeoJSON geometry.
        case geojson
        /// A point as `lon,lat`.
        case geopoint
        /// Anything.
        case any
    }

    /// The column (or property) name.
    public var name: String
    /// The column's type.
    public var type: FieldType

    /// A field called `name` of `type`.
    public init(_ name: String, _ type: FieldType) {
        self.name = name
        self.type = type
    }
}

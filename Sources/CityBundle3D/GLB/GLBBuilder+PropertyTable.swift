/// EXT_structural_metadata: the schema (classes `feature` and `surface`) and the binary property table of a tile.
extension GLBBuilder {
    /// The schema class id.
    static let featureClass = "feature"

    /// The schema: class `feature` with id, name, height, kind, source and height_estimated; class `surface`
    /// with the `surface_type` enum (see `GLBBuilder+Surfaces`).
    static var schema: JSONValue {
        func string(_ description: String, required: Bool = true) -> JSONValue {
            var members: [(String, JSONValue)] = [("type", .string("STRING")), ("description", .string(description))]
            members.append(required ? ("required", .bool(true)) : ("noData", .string("")))
            return .object(members)
        }
        let properties: [(String, JSONValue)] = [
            ("id", string("Stable feature id")),
            ("name", string("Name; empty when the feature has none", required: false)),
            (
                "height",
                .object([
                    ("type", .string("SCALAR")), ("componentType", .string("FLOAT64")),
                    ("description", .string("Height of the top above the ground, metres")), ("required", .bool(true)),
                ])
            ),
            ("kind", string("Data kind: building, scenic_site or geospatial")),
            ("source", string("Pipeline source the feature comes from")),
            (
                "height_estimated",
                .object([
                    ("type", .string("BOOLEAN")),
                    ("description", .string("True when the height is not measured data")), ("required", .bool(true)),
                ])
            ),
        ]
        return .object([
            ("id", .string("citybundle")),
            ("enums", .object([(surfaceEnum, surfaceEnumSchema)])),
            (
                "classes",
                .object([
                    (featureClass, .object([("name", .string("Feature")), ("properties", .object(properties))])),
                    (surfaceClass, surfaceClassSchema),
                ])
            ),
        ])
    }

    /// Writes the property table's columns as buffer views and returns the table object.
    mutating func addPropertyTable(_ records: [FeatureRecord]) -> JSONValue {
        var columns: [(String, JSONValue)] = []
        columns.append(("id", addStringColumn(records.map(\.id))))
        columns.append(("name", addStringColumn(records.map { $0.name ?? "" })))
        let heights = addView { $0.append(records.map(\.height)) }
        columns.append(("height", .object([("values", .int(heights))])))
        columns.append(("kind", addStringColumn(records.map(\.kind))))
        columns.append(("source", addStringColumn(records.map(\.source))))
        // BOOLEAN: a bitstream, feature i in bit (i mod 8) of byte i / 8, least significant bit first.
        var bits = [UInt8](repeating: 0, count: (records.count + 7) / 8)
        for (i, record) in records.enumerated() where record.heightEstimated { bits[i / 8] |= 1 << UInt8(i % 8) }
        let flags = addView { $0.append(bytes: bits) }
        columns.append(("height_estimated", .object([("values", .int(flags))])))
        return .object([
            ("name", .string("features")), ("class", .string(Self.featureClass)), ("count", .int(records.count)),
            ("properties", .object(columns)),
        ])
    }

    /// A STRING column: UTF-8 values back to back, and count + 1 UINT32 byte offsets into them.
    private mutating func addStringColumn(_ strings: [String]) -> JSONValue {
        var offsets: [UInt32] = [0]
        var bytes: [UInt8] = []
        for s in strings {
            bytes += Array(s.utf8)
            offsets.append(UInt32(bytes.count))
        }
        // A buffer view needs at least one byte, even when every string is empty.
        let values = addView { $0.append(bytes: bytes.isEmpty ? [0] : bytes) }
        let offsetView = addView { $0.append(offsets) }
        return .object([
            ("values", .int(values)), ("stringOffsets", .int(offsetView)), ("stringOffsetType", .string("UINT32")),
        ])
    }
}

/// Per-triangle surface types: a second EXT_mesh_features feature-ID set (attribute `_FEATURE_ID_1`, label
/// `surface`) whose values index the `surfaces` property table of EXT_structural_metadata, one row per
/// `SurfaceKind` (row = `SurfaceKind.code`), with the ENUM property `surface_type`. Every vertex of a triangle
/// carries its surface's kind, so the value is effectively per triangle.
extension GLBBuilder {
    /// The schema class of the `surfaces` table.
    static let surfaceClass = "surface"
    /// The schema enum of the `surface_type` property.
    static let surfaceEnum = "surface_type"
    /// The feature-ID set's label.
    static let surfaceLabel = "surface"
    /// Rows of the `surfaces` table: one per kind.
    static var surfaceCount: Int { SurfaceKind.allCases.count }

    /// A primitive's `_FEATURE_ID_1` accessor and the value marking untyped vertices, when it has any.
    struct SurfaceIDs {
        let accessor: Int
        let nullFeatureID: Int?
    }

    /// The `surface_type` enum: UINT8 values, named by `SurfaceKind` labels.
    static var surfaceEnumSchema: JSONValue {
        let values = SurfaceKind.allCases.map { kind in
            JSONValue.object([("name", .string(kind.rawValue)), ("value", .int(kind.code))])
        }
        return .object([
            ("valueType", .string("UINT8")),
            ("description", .string("Thematic type of a building surface (CityGML boundary surface)")),
            ("values", .array(values)),
        ])
    }

    /// The `surface` class: one required `surface_type` property.
    static var surfaceClassSchema: JSONValue {
        .object([
            ("name", .string("Surface")),
            (
                "properties",
                .object([
                    (
                        "surface_type",
                        .object([
                            ("type", .string("ENUM")), ("enumType", .string(surfaceEnum)),
                            ("description", .string("roof, wall, ground, closure, …")), ("required", .bool(true)),
                        ])
                    )
                ])
            ),
        ])
    }

    /// Writes `mesh`'s surface kinds as a FLOAT `_FEATURE_ID_1` accessor (the kind's code; untyped vertices get
    /// `surfaceCount`, declared as `nullFeatureId`); nil, writing nothing, when no vertex is typed.
    mutating func addSurfaceIDs(_ mesh: TriangleMesh) -> SurfaceIDs? {
        let codes = (0..<mesh.vertexCount).map { mesh.surfaceKind($0)?.code ?? Self.surfaceCount }
        guard codes.contains(where: { $0 < Self.surfaceCount }) else { return nil }
        let view = addView(target: Self.arrayBuffer) { $0.append(codes.map { Float($0) }) }
        let accessor = addAccessor(view: view, componentType: 5126, count: mesh.vertexCount, type: "SCALAR")
        return SurfaceIDs(
            accessor: accessor, nullFeatureID: codes.contains(Self.surfaceCount) ? Self.surfaceCount : nil)
    }

    /// Writes the `surfaces` property table (one row per kind, `surface_type` = the row's code) and returns it.
    mutating func addSurfaceTable() -> JSONValue {
        let view = addView { $0.append(bytes: SurfaceKind.allCases.map { UInt8($0.code) }) }
        return .object([
            ("name", .string("surfaces")), ("class", .string(Self.surfaceClass)), ("count", .int(Self.surfaceCount)),
            ("properties", .object([("surface_type", .object([("values", .int(view))]))])),
        ])
    }

    /// A primitive's EXT_mesh_features: building feature IDs (`_FEATURE_ID_0`, table 0) and, when typed, surface
    /// types (`_FEATURE_ID_1`, table 1).
    static func meshFeatures(featureCount: Int, surfaces: SurfaceIDs?) -> JSONValue {
        var sets: [JSONValue] = [
            .object([("featureCount", .int(featureCount)), ("attribute", .int(0)), ("propertyTable", .int(0))])
        ]
        if let surfaces {
            var members: [(String, JSONValue)] = [
                ("featureCount", .int(surfaceCount)), ("attribute", .int(1)), ("propertyTable", .int(1)),
                ("label", .string(surfaceLabel)),
            ]
            if let null = surfaces.nullFeatureID { members.append(("nullFeatureId", .int(null))) }
            sets.append(.object(members))
        }
        return .object([("EXT_mesh_features", .object([("featureIds", .array(sets))]))])
    }
}

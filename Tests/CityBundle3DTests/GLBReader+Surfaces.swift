import Foundation

/// Reading the surface types back from a GLB, independently of the writer: the `surfaces` property table, its
/// ENUM column through the schema's enum, and every triangle with its `_FEATURE_ID_1` value.
extension GLBReader {
    /// One triangle of a primitive, in glTF coordinates.
    struct Triangle {
        let corners: [SIMD3<Double>]
        /// The `_FEATURE_ID_1` values of its three vertices (nil without that attribute).
        let surfaceIDs: [Int]?
        /// The glTF material's name.
        let material: String?

        var area: Double {
            let n = MeshChecks.cross(corners[1] - corners[0], corners[2] - corners[0])
            return (n * n).sum().squareRoot() / 2
        }

        /// a · (b × c) / 6: its share of the enclosed volume.
        var signedVolume: Double { (corners[0] * MeshChecks.cross(corners[1], corners[2])).sum() / 6 }
    }

    var metadata: [String: Any] {
        ((json["extensions"] as? [String: Any])?["EXT_structural_metadata"] as? [String: Any]) ?? [:]
    }

    /// The property table called `name`, with its index.
    func propertyTable(named name: String) -> (index: Int, table: [String: Any])? {
        let tables = metadata["propertyTables"] as? [[String: Any]] ?? []
        guard let index = tables.firstIndex(where: { $0["name"] as? String == name }) else { return nil }
        return (index, tables[index])
    }

    /// The `surface_type` name of each row of the `surfaces` table (UINT8 enum values mapped by the schema).
    func surfaceTypeNames() throws -> [String] {
        guard let (_, table) = propertyTable(named: "surfaces"), let count = table["count"] as? Int,
            let className = table["class"] as? String,
            let schema = metadata["schema"] as? [String: Any],
            let property = ((schema["classes"] as? [String: Any])?[className] as? [String: Any])?["properties"]
                as? [String: Any],
            let enumName = (property["surface_type"] as? [String: Any])?["enumType"] as? String,
            let enumDefinition = (schema["enums"] as? [String: Any])?[enumName] as? [String: Any],
            enumDefinition["valueType"] as? String == "UINT8",
            let values = enumDefinition["values"] as? [[String: Any]],
            let column = (table["properties"] as? [String: Any])?["surface_type"] as? [String: Any],
            let view = column["values"] as? Int
        else { throw Failure.malformed("no surfaces table with a UINT8 surface_type enum") }
        var names: [Int: String] = [:]
        for value in values {
            if let name = value["name"] as? String, let number = value["value"] as? Int { names[number] = name }
        }
        let raw = self.view(view)
        return try (0..<count).map { row in
            guard let name = names[Int(raw[row])] else { throw Failure.malformed("enum value \(raw[row])") }
            return name
        }
    }

    /// Every triangle of every primitive, with its surface feature IDs and material name.
    func triangles() -> [Triangle] {
        let materials = array("materials").map { $0["name"] as? String }
        var result: [Triangle] = []
        for mesh in array("meshes") {
            for primitive in mesh["primitives"] as? [[String: Any]] ?? [] {
                guard let attributes = primitive["attributes"] as? [String: Int], let position = attributes["POSITION"],
                    let indexAccessor = primitive["indices"] as? Int
                else { continue }
                let values = floats(accessor: position)
                let points = stride(from: 0, to: values.count, by: 3).map {
                    SIMD3<Double>(Double(values[$0]), Double(values[$0 + 1]), Double(values[$0 + 2]))
                }
                let surfaces = attributes["_FEATURE_ID_1"].map { floats(accessor: $0).map { Int($0) } }
                let material = (primitive["material"] as? Int).flatMap { materials[$0] }
                let indices = indices(accessor: indexAccessor)
                for t in stride(from: 0, to: indices.count, by: 3) {
                    let corners = indices[t..<(t + 3)]
                    result.append(
                        Triangle(
                            corners: corners.map { points[$0] },
                            surfaceIDs: surfaces.map { ids in corners.map { ids[$0] } },
                            material: material))
                }
            }
        }
        return result
    }
}

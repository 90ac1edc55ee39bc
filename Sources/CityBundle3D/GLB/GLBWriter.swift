/// Writes one tile as binary glTF 2.0 (GLB) with per-vertex feature IDs (EXT_mesh_features) and a
/// property table of the features' attributes (EXT_structural_metadata).
///
/// Layout: one glTF mesh per group of features that share no vertex position (usually one; see
/// `FeatureGroups`), each with one primitive per used material (building walls, roofs, ground and other
/// surfaces, scenic markers, scenic areas); one node per mesh, without transform, because positions are
/// already in the tile's local frame in glTF axes (x = east, y = up, z = −north, metres; see
/// `AxisConvention`). Each primitive has POSITION (with exact min/max), NORMAL, `_FEATURE_ID_0` (FLOAT)
/// and UNSIGNED_SHORT or UNSIGNED_INT indices; primitives with typed vertices (buildings) also have
/// `_FEATURE_ID_1`, the surface type, indexing a second property table `surfaces` (see
/// `GLBBuilder+Surfaces`). Every buffer view starts on an 8-byte boundary; the JSON chunk is padded with
/// spaces and the BIN chunk with zeros to 4 bytes. `asset.extras` records the frame: `origin` {lon, lat,
/// height}, `enuToEcef` (16 numbers, column-major) and `frame`.
///
/// The output is deterministic: the same content and frame give byte-identical files.
public struct GLBWriter: Sendable {
    /// Put features that share vertex positions (touching buildings) into separate meshes, so every
    /// mesh merged by position stays a closed 2-manifold.
    public var separatesTouchingFeatures: Bool
    /// The `asset.generator` string.
    public var generator: String

    /// Makes a writer.
    public init(separatesTouchingFeatures: Bool = true, generator: String = "CityBundle") {
        self.separatesTouchingFeatures = separatesTouchingFeatures
        self.generator = generator
    }

    /// The GLB bytes of `content`, whose positions are in `frame`.
    public func encode(_ content: TileContent, frame: TileFrame) throws(GLBError) -> [UInt8] {
        let count = content.features.count
        guard count > 0 else { throw .noFeatures }
        guard count <= 1 << 24 else { throw .tooManyFeatures(count) }
        guard !content.meshes.isEmpty else { throw .noGeometry }
        for mesh in content.meshes.meshes {
            if let bad = mesh.featureIDs.first(where: { Int($0) >= count }) {
                throw .featureIDOutOfRange(bad, count: count)
            }
        }
        var builder = GLBBuilder()
        let materials = content.meshes.usedMaterials
        let groups =
            separatesTouchingFeatures
            ? FeatureGroups(content.meshes, featureCount: count)
            : FeatureGroups(MaterialMeshes(), featureCount: count)
        var meshes: [JSONValue] = []
        var typed = false
        for group in 0..<groups.count {
            var primitives: [JSONValue] = []
            for (materialIndex, material) in materials.enumerated() {
                let part = groups.extract(content.meshes[material], group: group)
                guard !part.isEmpty else { continue }
                let data = builder.addPrimitiveData(part)
                typed = typed || data.surfaces != nil
                let features = GLBBuilder.meshFeatures(featureCount: count, surfaces: data.surfaces)
                primitives.append(
                    .object([
                        ("attributes", data.attributes), ("indices", .int(data.indices)),
                        ("material", .int(materialIndex)), ("mode", .int(4)), ("extensions", features),
                    ]))
            }
            if !primitives.isEmpty {
                meshes.append(
                    .object([("name", .string("features \(meshes.count)")), ("primitives", .array(primitives))]))
            }
        }
        var tables = [builder.addPropertyTable(content.features)]
        if typed { tables.append(builder.addSurfaceTable()) }
        let json = document(
            builder: builder, meshes: meshes, materials: materials, tables: tables, frame: frame)
        return Self.container(json: json.bytes, body: builder.body.bytes)
    }

    private func document(
        builder: GLBBuilder, meshes: [JSONValue], materials: [MeshMaterial], tables: [JSONValue], frame: TileFrame
    ) -> JSONValue {
        let nodes = meshes.indices.map { JSONValue.object([("name", .string("tile \($0)")), ("mesh", .int($0))]) }
        let materialObjects = materials.map { material in
            JSONValue.object([
                ("name", .string(material.name)),
                (
                    "pbrMetallicRoughness",
                    .object([
                        ("baseColorFactor", .numbers(material.baseColor)), ("metallicFactor", .number(0)),
                        ("roughnessFactor", .number(0.9)),
                    ])
                ),
            ])
        }
        let extras = JSONValue.object([
            (
                "origin",
                .object([
                    ("lon", .number(frame.lon)), ("lat", .number(frame.lat)), ("height", .number(frame.groundHeight)),
                ])
            ),
            ("enuToEcef", .numbers(frame.tileTransform)),
            ("frame", .string("ENU, metres, glTF Y-up")),
            ("axes", .string("x = east, y = up, z = -north")),
        ])
        return .object([
            ("asset", .object([("version", .string("2.0")), ("generator", .string(generator)), ("extras", extras)])),
            ("extensionsUsed", .array([.string("EXT_mesh_features"), .string("EXT_structural_metadata")])),
            (
                "extensions",
                .object([
                    (
                        "EXT_structural_metadata",
                        .object([("schema", GLBBuilder.schema), ("propertyTables", .array(tables))])
                    )
                ])
            ),
            ("scene", .int(0)),
            ("scenes", .array([.object([("nodes", .array(nodes.indices.map { .int($0) }))])])),
            ("nodes", .array(nodes)),
            ("meshes", .array(meshes)),
            ("materials", .array(materialObjects)),
            ("accessors", .array(builder.accessors)),
            ("bufferViews", .array(builder.bufferViews)),
            ("buffers", .array([.object([("byteLength", .int(builder.body.bytes.count))])])),
        ])
    }

    /// The GLB container: 12-byte header, JSON chunk padded with spaces, BIN chunk padded with zeros.
    static func container(json: [UInt8], body: [UInt8]) -> [UInt8] {
        let jsonPadded = json + [UInt8](repeating: 0x20, count: (4 - json.count % 4) % 4)
        let bodyPadded = body + [UInt8](repeating: 0, count: (4 - body.count % 4) % 4)
        var out = BinaryBuffer()
        out.appendLittleEndian(UInt32(0x4654_6C67))  // "glTF"
        out.appendLittleEndian(UInt32(2))
        out.appendLittleEndian(UInt32(12 + 8 + jsonPadded.count + 8 + bodyPadded.count))
        out.appendLittleEndian(UInt32(jsonPadded.count))
        out.appendLittleEndian(UInt32(0x4E4F_534A))  // "JSON"
        out.append(bytes: jsonPadded)
        out.appendLittleEndian(UInt32(bodyPadded.count))
        out.appendLittleEndian(UInt32(0x004E_4942))  // "BIN\0"
        out.append(bytes: bodyPadded)
        return out.bytes
    }
}

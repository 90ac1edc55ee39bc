/// Accumulates a glTF document's binary body, buffer views and accessors while a GLB is assembled.
struct GLBBuilder {
    /// The BIN chunk's content.
    var body = BinaryBuffer()
    /// `bufferViews` entries.
    var bufferViews: [JSONValue] = []
    /// `accessors` entries.
    var accessors: [JSONValue] = []

    /// glTF `target` for vertex attributes.
    static let arrayBuffer = 34962
    /// glTF `target` for indices.
    static let elementArrayBuffer = 34963

    /// Appends a buffer view starting on an 8-byte boundary, filled by `write`; returns its index.
    mutating func addView(target: Int? = nil, _ write: (inout BinaryBuffer) -> Void) -> Int {
        body.align(to: 8)
        let start = body.bytes.count
        write(&body)
        var members: [(String, JSONValue)] = [
            ("buffer", .int(0)), ("byteOffset", .int(start)), ("byteLength", .int(body.bytes.count - start)),
        ]
        if let target { members.append(("target", .int(target))) }
        bufferViews.append(.object(members))
        return bufferViews.count - 1
    }

    /// Appends an accessor over a whole buffer view; returns its index.
    mutating func addAccessor(
        view: Int, componentType: Int, count: Int, type: String, min: [Double]? = nil, max: [Double]? = nil
    ) -> Int {
        var members: [(String, JSONValue)] = [
            ("bufferView", .int(view)), ("componentType", .int(componentType)), ("count", .int(count)),
            ("type", .string(type)),
        ]
        if let min { members.append(("min", .numbers(min))) }
        if let max { members.append(("max", .numbers(max))) }
        accessors.append(.object(members))
        return accessors.count - 1
    }

    /// Adds one triangle primitive's accessors for `mesh`; returns its `attributes`, `indices` and, when any
    /// vertex has a surface kind, its `_FEATURE_ID_1` set.
    mutating func addPrimitiveData(_ mesh: TriangleMesh) -> (
        attributes: JSONValue, indices: Int, surfaces: SurfaceIDs?
    ) {
        let bounds = mesh.bounds!
        let positionView = addView(target: Self.arrayBuffer) { $0.append(mesh.positions) }
        let position = addAccessor(
            view: positionView, componentType: 5126, count: mesh.vertexCount, type: "VEC3",
            min: [Double(bounds.min.x), Double(bounds.min.y), Double(bounds.min.z)],
            max: [Double(bounds.max.x), Double(bounds.max.y), Double(bounds.max.z)])
        let normalView = addView(target: Self.arrayBuffer) { $0.append(mesh.normals) }
        let normal = addAccessor(view: normalView, componentType: 5126, count: mesh.vertexCount, type: "VEC3")
        // Float feature IDs are exact below 2^24 and valid for every client (EXT_mesh_features).
        let featureView = addView(target: Self.arrayBuffer) { $0.append(mesh.featureIDs.map { Float($0) }) }
        let feature = addAccessor(view: featureView, componentType: 5126, count: mesh.vertexCount, type: "SCALAR")
        // UNSIGNED_SHORT while every index stays below the primitive-restart value 65535.
        let short = mesh.vertexCount <= 65535
        let indexView = addView(target: Self.elementArrayBuffer) { buffer in
            if short { buffer.append(mesh.indices.map { UInt16($0) }) } else { buffer.append(mesh.indices) }
        }
        let indices = addAccessor(
            view: indexView, componentType: short ? 5123 : 5125, count: mesh.indices.count, type: "SCALAR")
        var attributes: [(String, JSONValue)] = [
            ("POSITION", .int(position)), ("NORMAL", .int(normal)), ("_FEATURE_ID_0", .int(feature)),
        ]
        let surfaces = addSurfaceIDs(mesh)
        if let surfaces { attributes.append(("_FEATURE_ID_1", .int(surfaces.accessor))) }
        return (.object(attributes), indices, surfaces)
    }
}

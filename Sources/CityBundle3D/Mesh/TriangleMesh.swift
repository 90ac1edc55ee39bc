/// An indexed triangle mesh in glTF's axes, ready to be written as one glTF primitive.
///
/// Axis convention: glTF 2.0 is right-handed with +Y up. CityBundle maps a local east-north-up (ENU)
/// frame in metres onto it as **x = east, y = up, z = −north** (so +Z points south). Triangles are
/// wound counter-clockwise seen from the side their normals point to (outside, for solids).
public struct TriangleMesh: Sendable, Hashable {
    /// Vertex positions, x y z interleaved, metres.
    public var positions: [Float]
    /// Unit vertex normals, x y z interleaved, one per vertex.
    public var normals: [Float]
    /// Triangle list: three vertex indices per triangle.
    public var indices: [UInt32]
    /// One value per vertex: the index of the vertex's feature in its tile's property table.
    public var featureIDs: [UInt32]
    /// One value per vertex: the type of the building surface the vertex belongs to (`_FEATURE_ID_1` in the GLB),
    /// nil when untyped.
    public var surfaceKinds: [SurfaceKind?]

    /// Makes a mesh from its arrays; `positions` and `normals` hold three values per vertex, `surfaceKinds` is
    /// padded with nil to one per vertex.
    public init(
        positions: [Float] = [], normals: [Float] = [], indices: [UInt32] = [], featureIDs: [UInt32] = [],
        surfaceKinds: [SurfaceKind?] = []
    ) {
        self.positions = positions
        self.normals = normals
        self.indices = indices
        self.featureIDs = featureIDs
        self.surfaceKinds = surfaceKinds
        alignSurfaceKinds()
    }

    /// Number of vertices.
    public var vertexCount: Int { featureIDs.count }

    /// Number of triangles.
    public var triangleCount: Int { indices.count / 3 }

    /// True when the mesh has no triangles.
    public var isEmpty: Bool { indices.isEmpty }

    /// Position of vertex `index`.
    public func position(_ index: Int) -> SIMD3<Float> {
        SIMD3(positions[3 * index], positions[3 * index + 1], positions[3 * index + 2])
    }

    /// Normal of vertex `index`.
    public func normal(_ index: Int) -> SIMD3<Float> {
        SIMD3(normals[3 * index], normals[3 * index + 1], normals[3 * index + 2])
    }

    /// The surface kind of vertex `index`, nil when untyped.
    public func surfaceKind(_ index: Int) -> SurfaceKind? {
        index < surfaceKinds.count ? surfaceKinds[index] : nil
    }

    /// Adds a vertex and returns its index.
    @discardableResult
    public mutating func addVertex(
        _ position: SIMD3<Float>, normal: SIMD3<Float>, featureID: UInt32, surfaceKind: SurfaceKind? = nil
    ) -> UInt32 {
        let index = UInt32(vertexCount)
        positions.append(position.x)
        positions.append(position.y)
        positions.append(position.z)
        normals.append(normal.x)
        normals.append(normal.y)
        normals.append(normal.z)
        alignSurfaceKinds()
        featureIDs.append(featureID)
        surfaceKinds.append(surfaceKind)
        return index
    }

    /// Adds the triangle (a, b, c).
    public mutating func addTriangle(_ a: UInt32, _ b: UInt32, _ c: UInt32) {
        indices.append(a)
        indices.append(b)
        indices.append(c)
    }

    /// Appends `other`, offsetting its indices past this mesh's vertices.
    public mutating func append(_ other: TriangleMesh) {
        let offset = UInt32(vertexCount)
        positions += other.positions
        normals += other.normals
        alignSurfaceKinds()
        surfaceKinds += (0..<other.vertexCount).lazy.map(other.surfaceKind)
        featureIDs += other.featureIDs
        indices += other.indices.map { $0 + offset }
    }

    /// A copy with every vertex given feature ID `id`.
    public func withFeatureID(_ id: UInt32) -> TriangleMesh {
        var copy = self
        copy.featureIDs = Array(repeating: id, count: vertexCount)
        return copy
    }

    /// A copy with every vertex given surface kind `kind`.
    public func withSurfaceKind(_ kind: SurfaceKind?) -> TriangleMesh {
        var copy = self
        copy.surfaceKinds = Array(repeating: kind, count: vertexCount)
        return copy
    }

    /// Pads (with nil) or trims `surfaceKinds` to one per vertex.
    private mutating func alignSurfaceKinds() {
        if surfaceKinds.count < vertexCount {
            surfaceKinds += repeatElement(nil, count: vertexCount - surfaceKinds.count)
        } else if surfaceKinds.count > vertexCount {
            surfaceKinds.removeLast(surfaceKinds.count - vertexCount)
        }
    }

    /// The component-wise minimum and maximum of the positions, or nil for a mesh without vertices.
    public var bounds: (min: SIMD3<Float>, max: SIMD3<Float>)? {
        guard vertexCount > 0 else { return nil }
        var lower = position(0)
        var upper = lower
        for i in 1..<vertexCount {
            let p = position(i)
            lower = pointwiseMin(lower, p)
            upper = pointwiseMax(upper, p)
        }
        return (lower, upper)
    }
}

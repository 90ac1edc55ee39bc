/// A tile's geometry split by material: one `TriangleMesh` per `MeshMaterial`, in a fixed order.
public struct MaterialMeshes: Sendable, Hashable {
    /// One mesh per material, in `MeshMaterial.allCases` order.
    public private(set) var meshes: [TriangleMesh]

    /// Makes an empty set.
    public init() {
        meshes = Array(repeating: TriangleMesh(), count: MeshMaterial.allCases.count)
    }

    /// The mesh of one material.
    public subscript(material: MeshMaterial) -> TriangleMesh {
        get { meshes[material.rawValue] }
        set { meshes[material.rawValue] = newValue }
    }

    /// Appends `mesh` to the mesh of `material`.
    public mutating func append(_ mesh: TriangleMesh, as material: MeshMaterial) {
        meshes[material.rawValue].append(mesh)
    }

    /// Appends every material's mesh of `other`.
    public mutating func append(_ other: MaterialMeshes) {
        for material in MeshMaterial.allCases { meshes[material.rawValue].append(other[material]) }
    }

    /// Appends every material's mesh of `other`, its feature IDs raised by `offset` (for content meshed in parts).
    public mutating func append(_ other: MaterialMeshes, featureIDOffset offset: UInt32) {
        for material in MeshMaterial.allCases {
            var mesh = other[material]
            if offset > 0 { mesh.featureIDs = mesh.featureIDs.map { $0 + offset } }
            meshes[material.rawValue].append(mesh)
        }
    }

    /// True when no material has triangles.
    public var isEmpty: Bool { meshes.allSatisfy(\.isEmpty) }

    /// Materials that have triangles, in fixed order.
    public var usedMaterials: [MeshMaterial] { MeshMaterial.allCases.filter { !self[$0].isEmpty } }

    /// All materials' meshes in one.
    public var merged: TriangleMesh {
        var all = TriangleMesh()
        for mesh in meshes { all.append(mesh) }
        return all
    }
}

/// Splits a tile's features into groups in which no two features share a vertex position, so each group
/// can be its own glTF mesh.
///
/// Neighbouring buildings often share walls. Inside one mesh, a validator that merges vertices by
/// position (as "watertight" checks do) sees their shared edges used four times; in separate meshes every
/// building stays a closed 2-manifold. Greedy colouring in feature-ID order keeps the result
/// deterministic; typical city blocks need two to four groups.
struct FeatureGroups {
    /// The group of each feature ID.
    let groupOf: [Int]
    /// Number of groups.
    let count: Int

    /// Groups the features of `meshes` (feature IDs below `featureCount`).
    init(_ meshes: MaterialMeshes, featureCount: Int) {
        // The first feature at each position; only positions with several features keep a list.
        var first: [SIMD3<UInt32>: UInt32] = [:]
        first.reserveCapacity(meshes.meshes.reduce(0) { $0 + $1.vertexCount })
        var shared: [SIMD3<UInt32>: [UInt32]] = [:]
        for mesh in meshes.meshes {
            for v in 0..<mesh.vertexCount {
                let key = SIMD3(
                    mesh.positions[3 * v].bitPattern, mesh.positions[3 * v + 1].bitPattern,
                    mesh.positions[3 * v + 2].bitPattern)
                let feature = mesh.featureIDs[v]
                if let owner = first[key] {
                    if owner != feature, shared[key]?.contains(feature) != true {
                        shared[key, default: [owner]].append(feature)
                    }
                } else {
                    first[key] = feature
                }
            }
        }
        var neighbours = [Set<Int>](repeating: [], count: featureCount)
        for features in shared.values {
            for a in features {
                for b in features where a != b { neighbours[Int(a)].insert(Int(b)) }
            }
        }
        var groupOf = [Int](repeating: 0, count: featureCount)
        var count = featureCount > 0 ? 1 : 0
        for feature in 0..<featureCount {
            let taken = Set(neighbours[feature].filter { $0 < feature }.map { groupOf[$0] })
            var group = 0
            while taken.contains(group) { group += 1 }
            groupOf[feature] = group
            count = max(count, group + 1)
        }
        self.groupOf = groupOf
        self.count = count
    }

    /// The triangles of `mesh` whose features are in `group`, with their vertices renumbered.
    func extract(_ mesh: TriangleMesh, group: Int) -> TriangleMesh {
        if count == 1 { return mesh }
        var result = TriangleMesh()
        var remap = [UInt32](repeating: UInt32.max, count: mesh.vertexCount)
        func mapped(_ v: Int) -> UInt32 {
            if remap[v] == UInt32.max {
                remap[v] = result.addVertex(
                    mesh.position(v), normal: mesh.normal(v), featureID: mesh.featureIDs[v],
                    surfaceKind: mesh.surfaceKind(v))
            }
            return remap[v]
        }
        for t in 0..<mesh.triangleCount {
            let a = Int(mesh.indices[3 * t])
            guard groupOf[Int(mesh.featureIDs[a])] == group else { continue }
            let (b, c) = (Int(mesh.indices[3 * t + 1]), Int(mesh.indices[3 * t + 2]))
            result.addTriangle(mapped(a), mapped(b), mapped(c))
        }
        return result
    }
}

/// Turns a building's typed surfaces (CityGML LoD1–2 polygons) into meshes in a tile's frame, in glTF axes
/// (x = east, y = up, z = −north; see `AxisConvention`), like the extruder's.
///
/// Each polygon is projected onto its best-fit plane (Newell's normal) and triangulated there with `Triangulator`,
/// holes included; the triangles use the polygon's own 3D vertices, so neighbouring polygons that share vertices
/// share triangle corners and a closed shell stays closed. Triangles keep the polygon's winding (outward, for
/// CityGML shells), every vertex of a polygon gets the polygon's unit normal (flat shading), and triangles that
/// collapse in 32-bit coordinates are left out. Each polygon goes to the material of its kind and every vertex
/// carries the building's feature ID and the polygon's kind (`_FEATURE_ID_1` in the GLB).
///
/// Nothing is repaired: a non-planar polygon is triangulated as it is (check with `SolidCheck`), collinear and
/// repeated points are kept unless exactly repeated, and polygons without area are reported in the result.
public struct SurfaceMesher: Sendable {
    /// Triangles with a smaller area (square metres) in 32-bit coordinates count as degenerate.
    public var minimumTriangleArea: Double

    /// Makes a mesher; the default drops only triangles that glTF validators would call degenerate.
    public init(minimumTriangleArea: Double = 1e-10) {
        self.minimumTriangleArea = minimumTriangleArea
    }

    /// Meshes WGS 84 `surfaces` in `frame`, tagging every vertex with `featureID`.
    public func mesh(_ surfaces: [TypedSurface], in frame: TileFrame, featureID: UInt32) throws(SurfaceMeshError)
        -> SurfaceMeshResult
    {
        try mesh(frame.local(surfaces), featureID: featureID)
    }

    /// Meshes surfaces given in local east, north, up metres, tagging every vertex with `featureID`.
    public func mesh(_ surfaces: [LocalSurface], featureID: UInt32) throws(SurfaceMeshError) -> SurfaceMeshResult {
        var result = SurfaceMeshResult(meshes: MaterialMeshes(), issues: [])
        for (index, surface) in surfaces.enumerated() {
            var mesh = TriangleMesh()
            result.issues += add(surface, index: index, featureID: featureID, to: &mesh)
            result.meshes.append(mesh, as: surface.kind.material)
        }
        guard !result.meshes.isEmpty else { throw .noTriangles(surfaces: surfaces.count) }
        return result
    }

    /// Triangulates one surface into `mesh`; returns what went wrong.
    private func add(_ surface: LocalSurface, index: Int, featureID: UInt32, to mesh: inout TriangleMesh)
        -> [SurfaceIssue]
    {
        let rings = surface.rings.map(PolygonPlane.distinct)
        guard let plane = PolygonPlane(rings) else { return [.noArea(surface: index)] }
        let triangulation = Triangulator.triangulate(rings.map { $0.map(plane.flat) })
        guard !triangulation.droppedRings.contains(0) else { return [.noArea(surface: index)] }
        var issues: [SurfaceIssue] = []
        if !triangulation.droppedRings.isEmpty {
            issues.append(.droppedHoles(surface: index, rings: triangulation.droppedRings))
        }
        if !triangulation.isComplete { issues.append(.incompleteTriangulation(surface: index)) }

        let points = rings.flatMap { $0 }
        let n = AxisConvention.gltf(east: plane.normal.x, north: plane.normal.y, up: plane.normal.z)
        let normal = SIMD3<Float>(Float(n.x), Float(n.y), Float(n.z))
        var vertexOf: [Int: UInt32] = [:]
        var degenerate = 0
        for t in 0..<triangulation.triangleCount {
            let corners = (0..<3).map { triangulation.indices[3 * t + $0] }
            let positions = corners.map {
                AxisConvention.gltfFloat(east: points[$0].x, north: points[$0].y, up: points[$0].z)
            }
            guard Self.area(positions) > minimumTriangleArea else {
                degenerate += 1
                continue
            }
            let ids = zip(corners, positions).map { corner, position -> UInt32 in
                if let id = vertexOf[corner] { return id }
                let id = mesh.addVertex(position, normal: normal, featureID: featureID, surfaceKind: surface.kind)
                vertexOf[corner] = id
                return id
            }
            mesh.addTriangle(ids[0], ids[1], ids[2])
        }
        if degenerate > 0 { issues.append(.degenerateTriangles(surface: index, count: degenerate)) }
        return issues
    }

    /// The area of a triangle of 32-bit positions, computed in Double.
    private static func area(_ p: [SIMD3<Float>]) -> Double {
        let a = SIMD3<Double>(p[0])
        let c = PolygonPlane.cross(SIMD3<Double>(p[1]) - a, SIMD3<Double>(p[2]) - a)
        return PolygonPlane.length(c) / 2
    }
}

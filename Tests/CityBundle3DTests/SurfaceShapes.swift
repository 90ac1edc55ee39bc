import CityBundle3D

/// Hand-built typed surfaces in local east, north, up metres for the surface mesher and solid-check tests.
enum SurfaceShapes {
    /// Surface order of `box`: ground, roof, then the south, east, north and west walls.
    static let ground = 0
    static let roof = 1
    static let southWall = 2
    static let eastWall = 3
    static let northWall = 4
    static let westWall = 5

    /// An axis-aligned box as six outward-facing polygons (counter-clockwise seen from outside), closed rings.
    static func box(_ x0: Double, _ y0: Double, _ z0: Double, _ x1: Double, _ y1: Double, _ z1: Double)
        -> [LocalSurface]
    {
        func surface(_ kind: SurfaceKind, _ points: [(Double, Double, Double)]) -> LocalSurface {
            let ring = points.map { SIMD3($0.0, $0.1, $0.2) }
            return LocalSurface(kind: kind, rings: [ring + [ring[0]]])
        }
        return [
            surface(.ground, [(x0, y0, z0), (x0, y1, z0), (x1, y1, z0), (x1, y0, z0)]),
            surface(.roof, [(x0, y0, z1), (x1, y0, z1), (x1, y1, z1), (x0, y1, z1)]),
            surface(.wall, [(x0, y0, z0), (x1, y0, z0), (x1, y0, z1), (x0, y0, z1)]),
            surface(.wall, [(x1, y0, z0), (x1, y1, z0), (x1, y1, z1), (x1, y0, z1)]),
            surface(.wall, [(x1, y1, z0), (x0, y1, z0), (x0, y1, z1), (x1, y1, z1)]),
            surface(.wall, [(x0, y1, z0), (x0, y0, z0), (x0, y0, z1), (x0, y1, z1)]),
        ]
    }

    /// `surface` with its rings reversed (facing the other way).
    static func reversed(_ surface: LocalSurface) -> LocalSurface {
        LocalSurface(kind: surface.kind, rings: surface.rings.map { $0.reversed() })
    }

    /// The merged mesh of every material.
    static func merged(_ result: SurfaceMeshResult) -> TriangleMesh { result.meshes.merged }

    /// Triangles per surface kind (taken from each triangle's first vertex; all three must agree).
    static func triangleCounts(_ mesh: TriangleMesh) -> [SurfaceKind: Int] {
        var counts: [SurfaceKind: Int] = [:]
        for t in 0..<mesh.triangleCount {
            let kinds = (0..<3).map { mesh.surfaceKind(Int(mesh.indices[3 * t + $0])) }
            guard let kind = kinds[0], kinds.allSatisfy({ $0 == kind }) else { continue }
            counts[kind, default: 0] += 1
        }
        return counts
    }
}

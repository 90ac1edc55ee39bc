import CityBundle3D

/// Geometric checks on triangle meshes, independent of the code under test.
enum MeshChecks {
    /// Problems with closedness: vertices merged by exact position, every undirected edge must be used by
    /// exactly two triangles, once in each direction; no triangle may be degenerate.
    static func watertightProblems(_ mesh: TriangleMesh) -> [String] {
        var ids: [SIMD3<Float>: Int] = [:]
        var canonical: [Int] = []
        for i in 0..<mesh.vertexCount {
            let p = mesh.position(i)
            if let id = ids[p] {
                canonical.append(id)
            } else {
                ids[p] = ids.count
                canonical.append(ids.count - 1)
            }
        }
        struct Edge: Hashable {
            let from: Int
            let to: Int
        }
        var directed: [Edge: Int] = [:]
        var problems: [String] = []
        for t in 0..<mesh.triangleCount {
            let v = (0..<3).map { canonical[Int(mesh.indices[3 * t + $0])] }
            if Set(v).count < 3 || area(mesh, t) <= 1e-10 { problems.append("triangle \(t) is degenerate") }
            for k in 0..<3 { directed[Edge(from: v[k], to: v[(k + 1) % 3]), default: 0] += 1 }
        }
        for (edge, count) in directed {
            let back = directed[Edge(from: edge.to, to: edge.from)] ?? 0
            if count != 1 || back != 1 {
                problems.append("edge \(edge.from)→\(edge.to) used \(count)× forward, \(back)× back")
            }
        }
        return problems
    }

    /// Area of triangle `t`, in Double.
    static func area(_ mesh: TriangleMesh, _ t: Int) -> Double {
        let (a, b, c) = corners(mesh, t)
        let n = cross(b - a, c - a)
        return (n * n).sum().squareRoot() / 2
    }

    /// Enclosed volume by the divergence theorem: Σ a · (b × c) / 6 (positive when outward-facing).
    static func volume(_ mesh: TriangleMesh) -> Double {
        var total = 0.0
        for t in 0..<mesh.triangleCount {
            let (a, b, c) = corners(mesh, t)
            total += (a * cross(b, c)).sum() / 6
        }
        return total
    }

    /// Triangles whose winding disagrees with their vertex normals, or whose normals are not unit.
    static func normalProblems(_ mesh: TriangleMesh) -> [String] {
        var problems: [String] = []
        for t in 0..<mesh.triangleCount {
            let (a, b, c) = corners(mesh, t)
            let face = cross(b - a, c - a)
            let faceUnit = face / (face * face).sum().squareRoot()
            for k in 0..<3 {
                let n = SIMD3<Double>(mesh.normal(Int(mesh.indices[3 * t + k])))
                if abs((n * n).sum().squareRoot() - 1) > 1e-5 { problems.append("triangle \(t): normal not unit") }
                if (n * faceUnit).sum() < 0.999 { problems.append("triangle \(t): normal not the face normal") }
            }
        }
        return problems
    }

    /// Point-in-solid by ray casting along +X: odd crossings mean inside.
    static func contains(_ mesh: TriangleMesh, _ p: SIMD3<Double>) -> Bool {
        let direction = SIMD3<Double>(1, 0.000_123, 0.000_456)  // avoid grazing edges exactly
        var crossings = 0
        for t in 0..<mesh.triangleCount {
            let (a, b, c) = corners(mesh, t)
            let e1 = b - a
            let e2 = c - a
            let h = cross(direction, e2)
            let det = (e1 * h).sum()
            if abs(det) < 1e-12 { continue }
            let s = p - a
            let u = (s * h).sum() / det
            let q = cross(s, e1)
            let v = (direction * q).sum() / det
            let distance = (e2 * q).sum() / det
            if u >= 0, v >= 0, u + v <= 1, distance > 0 { crossings += 1 }
        }
        return crossings % 2 == 1
    }

    static func corners(_ mesh: TriangleMesh, _ t: Int) -> (SIMD3<Double>, SIMD3<Double>, SIMD3<Double>) {
        let p = (0..<3).map { SIMD3<Double>(mesh.position(Int(mesh.indices[3 * t + $0]))) }
        return (p[0], p[1], p[2])
    }

    static func cross(_ u: SIMD3<Double>, _ v: SIMD3<Double>) -> SIMD3<Double> {
        SIMD3(u.y * v.z - u.z * v.y, u.z * v.x - u.x * v.z, u.x * v.y - u.y * v.x)
    }
}

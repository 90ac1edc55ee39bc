/// The result of triangulating a polygon: triangles as indices into the caller's vertex list.
public struct Triangulation: Sendable, Hashable {
    /// The input vertices, flattened ring after ring (outer ring first), in the caller's order.
    public var vertices: [SIMD2<Double>]
    /// Triangles as index triples into `vertices`, each counter-clockwise seen from +Z and of non-zero area.
    public var indices: [Int]
    /// Rings (0 = outer) that were left out: fewer than three distinct points, zero area, or a hole that
    /// could not be joined to the outline.
    public var droppedRings: [Int]
    /// False when part of the polygon had to be abandoned (self-crossing input or an exhausted work
    /// budget); the triangles then cover less than the polygon.
    public var isComplete: Bool

    /// Makes a triangulation result.
    public init(vertices: [SIMD2<Double>], indices: [Int], droppedRings: [Int], isComplete: Bool) {
        self.vertices = vertices
        self.indices = indices
        self.droppedRings = droppedRings
        self.isComplete = isComplete
    }

    /// Number of triangles.
    public var triangleCount: Int { indices.count / 3 }

    /// Total area of the triangles, in squared input units.
    public var area: Double {
        var total = 0.0
        for t in stride(from: 0, to: indices.count - 2, by: 3) {
            let a = vertices[indices[t]]
            let b = vertices[indices[t + 1]]
            let c = vertices[indices[t + 2]]
            total += ((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)) / 2
        }
        return total
    }
}

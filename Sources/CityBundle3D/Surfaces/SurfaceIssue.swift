/// A surface the mesher could not mesh completely; the rest of the building is still meshed. Indices are
/// positions in the list given to the mesher.
public enum SurfaceIssue: Sendable, Hashable, CustomStringConvertible {
    /// The exterior ring has fewer than three distinct points or no area: the surface has no triangles.
    case noArea(surface: Int)
    /// These holes (ring indices, 1 = first hole) had no area or could not be joined to the exterior.
    case droppedHoles(surface: Int, rings: [Int])
    /// Part of the polygon could not be triangulated (self-crossing rings): the triangles cover less than it.
    case incompleteTriangulation(surface: Int)
    /// This many triangles collapsed in 32-bit vertex coordinates and were left out.
    case degenerateTriangles(surface: Int, count: Int)

    /// The index of the surface concerned.
    public var surface: Int {
        switch self {
        case .noArea(let s), .droppedHoles(let s, _), .incompleteTriangulation(let s), .degenerateTriangles(let s, _): s
        }
    }

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .noArea(let s): "surface \(s) has no area"
        case .droppedHoles(let s, let rings): "surface \(s): holes \(rings) dropped (no area or not joinable)"
        case .incompleteTriangulation(let s): "surface \(s) could not be fully triangulated (rings cross themselves?)"
        case .degenerateTriangles(let s, let n): "surface \(s): \(n) degenerate triangles left out"
        }
    }
}

/// Why a building's typed surfaces could not be meshed; the caller flags the building and moves on.
public enum SurfaceMeshError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Vertex `vertex` of ring `ring` of surface `surface` has no height (a 2D position in a 3D surface).
    case missingHeight(surface: Int, ring: Int, vertex: Int)
    /// Vertex `vertex` of ring `ring` of surface `surface` has a NaN or infinite ordinate.
    case nonFinite(surface: Int, ring: Int, vertex: Int)
    /// None of the `surfaces` polygons gave a triangle (no surfaces, or all without area).
    case noTriangles(surfaces: Int)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .missingHeight(let s, let r, let v): "surface \(s), ring \(r), vertex \(v) has no height"
        case .nonFinite(let s, let r, let v): "surface \(s), ring \(r), vertex \(v) is not finite"
        case .noTriangles(let n): "none of the \(n) surfaces has area: nothing to mesh"
        }
    }
}

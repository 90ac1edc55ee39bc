/// One problem the solid checks found; indices are positions in the list of surfaces checked.
public enum SolidProblem: Sendable, Hashable, CustomStringConvertible {
    /// The surface's exterior ring has fewer than three distinct points, no area or a non-finite vertex.
    case degenerate(surface: Int)
    /// A vertex of the surface lies `deviation` metres from the surface's best-fit plane, beyond the tolerance.
    case nonPlanar(surface: Int, deviation: Double)
    /// An edge used by only one polygon ring: the shell has a gap there.
    case openEdge(SolidEdge)
    /// An edge used by more than two polygon rings.
    case nonManifoldEdge(SolidEdge)
    /// An edge used twice in the same direction: one of the two polygons is wound the wrong way.
    case inconsistentOrientation(SolidEdge)
    /// The closed shell encloses a negative volume (cubic metres): its polygons face inward.
    case inwardFacing(volume: Double)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .degenerate(let s): "surface \(s) has no area"
        case .nonPlanar(let s, let d): "surface \(s) is not planar: a vertex lies \(d) m from its plane"
        case .openEdge(let e): "open edge \(e): used \(e.uses)×, shell not closed"
        case .nonManifoldEdge(let e): "non-manifold edge \(e): used \(e.uses)×"
        case .inconsistentOrientation(let e): "edge \(e) used twice in the same direction: inconsistent winding"
        case .inwardFacing(let v): "the shell faces inward (volume \(v) m³)"
        }
    }
}

/// An edge between two (snapped) vertices of a shell, as the closedness check reports it.
public struct SolidEdge: Sendable, Hashable, CustomStringConvertible {
    /// The edge's ends, in the direction of its first use (east, north, up metres).
    public var from: SIMD3<Double>
    public var to: SIMD3<Double>
    /// The surfaces whose rings use the edge, once per use, in order.
    public var surfaces: [Int]

    /// How many times rings use the edge.
    public var uses: Int { surfaces.count }

    /// Makes an edge record.
    public init(from: SIMD3<Double>, to: SIMD3<Double>, surfaces: [Int]) {
        self.from = from
        self.to = to
        self.surfaces = surfaces
    }

    /// `(x, y, z)→(x, y, z) in surfaces [i, …]`.
    public var description: String {
        func text(_ p: SIMD3<Double>) -> String { "(\(p.x), \(p.y), \(p.z))" }
        return "\(text(from))→\(text(to)) in surfaces \(surfaces)"
    }
}

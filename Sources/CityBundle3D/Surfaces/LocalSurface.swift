/// A typed polygon in a local east-north-up frame, metres: what the surface mesher and the solid checks work on.
public struct LocalSurface: Sendable, Hashable {
    /// The surface's thematic type.
    public var kind: SurfaceKind
    /// The exterior ring first, then the holes, as (east, north, up) metres; a closing repeat is allowed.
    public var rings: [[SIMD3<Double>]]

    /// Makes a surface from its type and rings (exterior first).
    public init(kind: SurfaceKind, rings: [[SIMD3<Double>]]) {
        self.kind = kind
        self.rings = rings
    }
}

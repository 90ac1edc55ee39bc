/// A prism built from a footprint: walls, roof and floor as separate meshes (so they can take different
/// materials), which together form one closed, outward-facing solid.
public struct Extrusion: Sendable, Hashable {
    /// One flat-shaded quad (two triangles) per ring edge, outer rings and holes.
    public var walls: TriangleMesh
    /// The footprint at the top height, facing up.
    public var roof: TriangleMesh
    /// The footprint at the base height, facing down.
    public var floor: TriangleMesh

    /// Makes an extrusion from its three parts.
    public init(walls: TriangleMesh, roof: TriangleMesh, floor: TriangleMesh) {
        self.walls = walls
        self.roof = roof
        self.floor = floor
    }

    /// Walls, roof and floor in one mesh.
    public var merged: TriangleMesh {
        var all = walls
        all.append(roof)
        all.append(floor)
        return all
    }

    /// Roof and floor in one mesh.
    public var caps: TriangleMesh {
        var both = roof
        both.append(floor)
        return both
    }
}

/// An extrusion's parts typed like CityGML surfaces.
extension Extrusion {
    /// Walls, roof and floor by material, every vertex typed (walls `.wall`, roof `.roof`, floor `.ground`, also
    /// when lifted by `min_height`), so extruded footprints carry the same per-triangle `surface_type` and
    /// materials as LoD2 buildings.
    public var typedMeshes: MaterialMeshes {
        var meshes = MaterialMeshes()
        for (part, kind) in [(walls, SurfaceKind.wall), (roof, .roof), (floor, .ground)] {
            meshes.append(part.withSurfaceKind(kind), as: kind.material)
        }
        return meshes
    }
}

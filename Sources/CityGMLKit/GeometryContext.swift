/// Where geometry is being read: the surface type and LoD it gets, and the srsName and
/// srsDimension in force.
struct GeometryContext {
    var type: SurfaceType
    var lod: Int
    var srsName: String?
    var dimension: Int
}

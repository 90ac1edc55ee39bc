import CityBundleModel

/// What the reader gathers while inside one `bldg:Building` (its parts included).
final class BuildingAccumulator {
    var object: CityObject
    var polygons: [RawPolygon] = []
    /// `xlink:href` targets (without `#`) with the surface type and LoD of where they were written.
    var references: [(id: String, type: SurfaceType, lod: Int)] = []

    init(object: CityObject) {
        self.object = object
    }
}

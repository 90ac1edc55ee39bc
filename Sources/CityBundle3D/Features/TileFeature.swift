public import CityBundleModel

/// One feature ready for 3D: its record, its WGS 84 geometry and how to build it.
public struct TileFeature: Sendable, Hashable {
    /// The attributes for the property table.
    public var record: FeatureRecord
    /// Geometry in WGS 84 longitude/latitude degrees.
    public var geometry: Geometry
    /// What to build: buildings are extruded, scenic sites and other data become markers and areas.
    public var kind: DataKind
    /// Height of a building's base above the ground (`min_height`), metres.
    public var minHeight: Double
    /// A building's typed 3D surfaces (CityGML LoD2), heights above the geoid; when present they are meshed
    /// as they are instead of extruding `geometry`.
    public var surfaces: [TypedSurface]

    /// Makes a feature from its parts.
    public init(
        record: FeatureRecord, geometry: Geometry, kind: DataKind, minHeight: Double = 0, surfaces: [TypedSurface] = []
    ) {
        self.record = record
        self.geometry = geometry
        self.kind = kind
        self.minHeight = minHeight
        self.surfaces = surfaces
    }

    /// Reads a pipeline feature: `name`, and for buildings `height` (metres), else `floors` ×
    /// `metresPerFloor`, else `defaultHeight` (both marked estimated), and `min_height`. A `height` that is
    /// present but zero or negative is kept, so meshing refuses it and the caller can flag the feature —
    /// unless `nonPositiveHeightIsMissing` (OpenStreetMap extracts often write 0 for "unknown"), which
    /// estimates it instead. Scenic sites and other kinds get the marker height, estimated. Nil without
    /// geometry.
    public init?(
        _ feature: Feature, kind: DataKind, source: String, fallbackID: String, metresPerFloor: Double = 3,
        defaultHeight: Double = 10, nonPositiveHeightIsMissing: Bool = false,
        markerHeight: Double = ScenicSiteMesher().markerHeight
    ) {
        guard let geometry = feature.geometry else { return nil }
        let properties = feature.properties
        let name = properties["name"]?.textValue
        var height = markerHeight
        var estimated = true
        var minHeight = 0.0
        if kind == .building {
            if let measured = properties["height"]?.numericValue, measured > 0 || !nonPositiveHeightIsMissing {
                height = measured
                estimated = false
            } else if let floors = properties["floors"]?.numericValue, floors > 0 {
                height = floors * metresPerFloor
            } else {
                height = defaultHeight
            }
            minHeight = properties["min_height"]?.numericValue ?? 0
        }
        self.init(
            record: FeatureRecord(
                id: feature.id ?? fallbackID, name: name, height: height, kind: kind.rawValue, source: source,
                heightEstimated: estimated),
            geometry: geometry, kind: kind, minHeight: minHeight,
            surfaces: kind == .building
                ? feature.surfaces.map { TypedSurface(kind: SurfaceKind(label: $0.type), rings: $0.rings) } : [])
    }
}

public import CityBundleModel

/// One CityGML building as ``CityGMLReader`` emits it: its attributes and every polygon of its
/// geometry, with the polygons of its `BuildingPart`s merged in (see ``partCount``).
public struct CityObject: Sendable, Hashable {
    /// The building's `gml:id` (`nil` when the file gives none).
    public var id: String?
    /// The first `gml:name`.
    public var name: String?
    /// `bldg:measuredHeight` (1.0/2.0), or the value of a 3.0 `con:height` whose high reference is
    /// the highest roof edge or absent; in metres as written.
    public var measuredHeight: Double?
    /// `bldg:function` values, in order.
    public var function: [String]
    /// `bldg:usage` values, in order.
    public var usage: [String]
    /// `bldg:storeysAboveGround`.
    public var storeysAboveGround: Int?
    /// `core:creationDate` as written.
    public var creationDate: String?
    /// Generic attributes (`gen:stringAttribute`, …, 3.0 `genericAttribute`) by their name, typed as
    /// declared (int, double, string; other kinds as strings).
    public var genericAttributes: Properties
    /// Every polygon, thematic surfaces tagged with their type.
    public var surfaces: [CitySurface]
    /// How many `BuildingPart`s were merged into this object.
    public var partCount: Int
    /// `xlink:href` references to polygons that were not found in the file's bounded polygon map.
    public var unresolvedReferences: Int
    /// The CRS of ``surfaces``: `EPSG:4326` (lon, lat, h) when converted, else the source srsName.
    public var crs: String?
    /// The file and the line of the building's start tag.
    public var location: SourceLocation

    /// Creates an object.
    public init(
        id: String?, name: String? = nil, measuredHeight: Double? = nil, function: [String] = [],
        usage: [String] = [], storeysAboveGround: Int? = nil, creationDate: String? = nil,
        genericAttributes: Properties = Properties(), surfaces: [CitySurface] = [], partCount: Int = 0,
        unresolvedReferences: Int = 0, crs: String? = nil, location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.measuredHeight = measuredHeight
        self.function = function
        self.usage = usage
        self.storeysAboveGround = storeysAboveGround
        self.creationDate = creationDate
        self.genericAttributes = genericAttributes
        self.surfaces = surfaces
        self.partCount = partCount
        self.unresolvedReferences = unresolvedReferences
        self.crs = crs
        self.location = location
    }

    /// The highest level of detail among the surfaces, `nil` without geometry.
    public var lod: Int? { surfaces.map(\.lod).max() }

    /// How many polygons there are of each surface type.
    public var surfaceTypeCounts: [SurfaceType: Int] {
        surfaces.reduce(into: [:]) { $0[$1.type, default: 0] += 1 }
    }
}

/// What a polygon of a building is: the thematic surface it belongs to (CityGML `boundedBy` /
/// `boundary`), an opening in one, or ``unclassified`` for geometry written directly on the building
/// (an `lod1Solid`, `lod2MultiSurface`, …).
public enum SurfaceType: String, Sendable, Hashable, CaseIterable, Comparable {
    case roof = "RoofSurface"
    case wall = "WallSurface"
    case ground = "GroundSurface"
    case closure = "ClosureSurface"
    case outerCeiling = "OuterCeilingSurface"
    case outerFloor = "OuterFloorSurface"
    case floor = "FloorSurface"
    case interiorWall = "InteriorWallSurface"
    case ceiling = "CeilingSurface"
    case window = "Window"
    case door = "Door"
    /// An `lod0FootPrint` (CityGML 1.0/2.0) or an LoD0 surface of a 3.0 building.
    case footprint = "FootPrint"
    /// Geometry not inside a thematic surface.
    case unclassified = "Unclassified"

    /// The type of a thematic surface or opening element by its local name; ADE subclasses are
    /// recognised by their name's ending (`IndustrialBuildingRoofSurface`, `SolarRoofSurface` are
    /// roofs). `nil` when the name is no surface or opening.
    public init?(elementName: String) {
        if let exact = SurfaceType(rawValue: elementName), exact != .unclassified, exact != .footprint {
            self = exact
            return
        }
        let suffixes: [(String, SurfaceType)] = [
            ("InteriorWallSurface", .interiorWall), ("OuterCeilingSurface", .outerCeiling),
            ("OuterFloorSurface", .outerFloor), ("RoofSurface", .roof), ("WallSurface", .wall),
            ("GroundSurface", .ground), ("ClosureSurface", .closure), ("FloorSurface", .floor),
            ("CeilingSurface", .ceiling), ("Window", .window), ("Door", .door),
        ]
        guard let match = suffixes.first(where: { elementName.hasSuffix($0.0) }) else { return nil }
        self = match.1
    }

    /// A short lower-case label (`roof`, `wall`, …) used in feature properties.
    public var label: String {
        switch self {
        case .roof: "roof"
        case .wall: "wall"
        case .ground: "ground"
        case .closure: "closure"
        case .outerCeiling: "outer_ceiling"
        case .outerFloor: "outer_floor"
        case .floor: "floor"
        case .interiorWall: "interior_wall"
        case .ceiling: "ceiling"
        case .window: "window"
        case .door: "door"
        case .footprint: "footprint"
        case .unclassified: "unclassified"
        }
    }

    /// Orders by ``label``.
    public static func < (lhs: SurfaceType, rhs: SurfaceType) -> Bool { lhs.label < rhs.label }
}

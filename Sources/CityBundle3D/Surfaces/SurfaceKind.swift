/// The thematic type of a building surface: the per-triangle `surface_type` property of a tile's GLB and the choice
/// of material. (Named "kind" so modules importing CityGMLKit's `SurfaceType` too need no qualification.)
///
/// The raw value is the label written to the GLB; `code` is the value of the `surface_type` enum and the row of
/// the `surfaces` property table, fixed per case: add new cases at the end.
public enum SurfaceKind: String, Sendable, Hashable, CaseIterable {
    /// A roof (CityGML `RoofSurface`).
    case roof
    /// An outer wall (`WallSurface`).
    case wall
    /// The surface on the ground (`GroundSurface`); also the floor of an extruded footprint.
    case ground
    /// A virtual surface closing an open part of the shell (`ClosureSurface`).
    case closure
    /// A downward-facing outer surface above the ground, like the underside of an overhang (`OuterCeilingSurface`).
    case outerCeiling = "outer_ceiling"
    /// An upward-facing outer surface that is not a roof, like a terrace floor (`OuterFloorSurface`).
    case outerFloor = "outer_floor"
    /// Anything else: openings, interior surfaces, footprints, geometry outside any thematic surface.
    case other

    /// The kind for a CityGML surface label (CityGMLKit's `SurfaceType.label`: `roof`, `wall`, `ground`, `closure`,
    /// `outer_ceiling`, `outer_floor`); every other label is `.other`.
    public init(label: String) {
        self = SurfaceKind(rawValue: label) ?? .other
    }

    /// The `surface_type` enum value, which is also the kind's row in the GLB's `surfaces` property table.
    public var code: Int {
        switch self {
        case .roof: 0
        case .wall: 1
        case .ground: 2
        case .closure: 3
        case .outerCeiling: 4
        case .outerFloor: 5
        case .other: 6
        }
    }

    /// The kind with `code`, or nil.
    public init?(code: Int) {
        guard let kind = SurfaceKind.allCases.first(where: { $0.code == code }) else { return nil }
        self = kind
    }

    /// The material of the kind's triangles: roofs, walls and ground their own, everything else a neutral one.
    public var material: MeshMaterial {
        switch self {
        case .roof: .buildingRoof
        case .wall: .buildingWall
        case .ground: .buildingGround
        case .closure, .outerCeiling, .outerFloor, .other: .buildingOther
        }
    }
}

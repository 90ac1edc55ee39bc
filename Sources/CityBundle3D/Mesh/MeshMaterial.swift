/// The material of a part of a tile's geometry; each becomes one glTF material and primitive.
public enum MeshMaterial: Int, Sendable, Hashable, CaseIterable {
    /// Building walls.
    case buildingWall
    /// Building roofs.
    case buildingRoof
    /// Scenic-site point markers.
    case scenicMarker
    /// Scenic-site area surfaces.
    case scenicArea
    /// Building ground surfaces (and the floors of extruded footprints).
    case buildingGround
    /// Other building surfaces: closure surfaces, outer ceilings and floors, untyped geometry.
    case buildingOther

    /// The glTF material name.
    public var name: String {
        switch self {
        case .buildingWall: "building_wall"
        case .buildingRoof: "building_roof"
        case .scenicMarker: "scenic_marker"
        case .scenicArea: "scenic_area"
        case .buildingGround: "building_ground"
        case .buildingOther: "building_other"
        }
    }

    /// Linear RGBA base colour factor.
    public var baseColor: [Double] {
        switch self {
        case .buildingWall: [0.80, 0.77, 0.72, 1]
        case .buildingRoof: [0.30, 0.04, 0.03, 1]
        case .scenicMarker: [0.80, 0.10, 0.10, 1]
        case .scenicArea: [0.30, 0.60, 0.32, 1]
        case .buildingGround: [0.25, 0.25, 0.25, 1]
        case .buildingOther: [0.55, 0.55, 0.55, 1]
        }
    }
}

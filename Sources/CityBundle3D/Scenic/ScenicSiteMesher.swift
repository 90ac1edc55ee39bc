public import CityBundleModel

#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Meshes for scenic sites: a point becomes a pin-like marker (an octagonal prism with a pointed cap),
/// an area becomes a thin closed slab whose top surface floats `areaElevation` above the ground.
/// Both are closed and outward-facing like buildings, in glTF axes (see `AxisConvention`).
public struct ScenicSiteMesher: Sendable {
    /// Circumradius of the marker's octagon, metres.
    public var markerRadius: Double
    /// Height of the marker's prism, metres.
    public var markerShaftHeight: Double
    /// Height of the marker's pointed cap above the prism, metres.
    public var markerCapHeight: Double
    /// Height of an area's top surface above the ground, metres.
    public var areaElevation: Double
    /// Thickness of an area's slab below its top surface, metres.
    public var areaThickness: Double
    /// The extruder used for area slabs.
    public var extruder: BuildingExtruder

    /// Makes a mesher; by default markers are 8 m tall and 3 m wide, areas 0.5 m up and 0.1 m thick.
    public init(
        markerRadius: Double = 1.5, markerShaftHeight: Double = 6, markerCapHeight: Double = 2,
        areaElevation: Double = 0.5, areaThickness: Double = 0.1, extruder: BuildingExtruder = BuildingExtruder()
    ) {
        self.markerRadius = markerRadius
        self.markerShaftHeight = markerShaftHeight
        self.markerCapHeight = markerCapHeight
        self.areaElevation = areaElevation
        self.areaThickness = areaThickness
        self.extruder = extruder
    }

    /// Total marker height above the ground, metres.
    public var markerHeight: Double { markerShaftHeight + markerCapHeight }

    /// A marker standing on the ground at (east, north, ground) in the local frame: 8 walls, an 8-sided
    /// pyramid cap and a floor; 30 triangles, flat shaded.
    public func marker(east: Double, north: Double, ground: Double, featureID: UInt32) -> TriangleMesh {
        let sides = 8
        let ring = (0..<sides).map { k -> SIMD2<Double> in
            let angle = (Double(k) + 0.5) * 2 * Double.pi / Double(sides)
            return SIMD2(east + markerRadius * cos(angle), north + markerRadius * sin(angle))
        }
        let shaft = try? extruder.extrude(
            polygons: [[ring]], baseHeight: ground, topHeight: ground + markerShaftHeight, featureID: featureID)
        guard let shaft else { return TriangleMesh() }
        var mesh = shaft.walls
        mesh.append(shaft.floor)
        let apex = AxisConvention.gltf(east: east, north: north, up: ground + markerHeight)
        for k in 0..<sides {
            let a = ring[k]
            let b = ring[(k + 1) % sides]
            let pa = AxisConvention.gltf(east: a.x, north: a.y, up: ground + markerShaftHeight)
            let pb = AxisConvention.gltf(east: b.x, north: b.y, up: ground + markerShaftHeight)
            let n = cross(pb - pa, apex - pa)
            let unit = n / (n * n).sum().squareRoot()
            let normal = SIMD3<Float>(Float(unit.x), Float(unit.y), Float(unit.z))
            let ia = mesh.addVertex(SIMD3<Float>(pa), normal: normal, featureID: featureID)
            let ib = mesh.addVertex(SIMD3<Float>(pb), normal: normal, featureID: featureID)
            let ic = mesh.addVertex(SIMD3<Float>(apex), normal: normal, featureID: featureID)
            mesh.addTriangle(ia, ib, ic)
        }
        return mesh
    }

    /// A slab over `footprint` (east-north metres) from `ground + areaElevation − areaThickness` to
    /// `ground + areaElevation`.
    public func area(_ footprint: Geometry, ground: Double, featureID: UInt32) throws(ExtrusionError) -> TriangleMesh {
        let top = ground + areaElevation
        return try extruder.extrude(footprint, baseHeight: top - areaThickness, topHeight: top, featureID: featureID)
            .merged
    }

    private func cross(_ u: SIMD3<Double>, _ v: SIMD3<Double>) -> SIMD3<Double> {
        SIMD3(u.y * v.z - u.z * v.y, u.z * v.x - u.x * v.z, u.x * v.y - u.y * v.x)
    }
}

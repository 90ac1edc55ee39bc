public import CityBundleModel

/// Extrudes building footprints into closed prisms.
///
/// The footprint is a Polygon or MultiPolygon in a local east-north frame in metres (x = east,
/// y = north), holes being courtyards. The solid spans `baseHeight` to `topHeight` along the frame's up
/// axis and comes out in glTF axes (x = east, y = up, z = −north; see `AxisConvention`):
///
/// - a triangulated roof facing up and floor facing down, sharing the footprint's vertices;
/// - a quad (two triangles) per ring edge, with its own four vertices and face normal (flat shading:
///   no normal is shared across a sharp edge);
/// - counter-clockwise winding seen from outside, normals pointing outward;
/// - watertight: merged by position, every edge belongs to exactly two triangles, in opposite directions.
///
/// Rings are cleaned first (`FootprintCleaner`): repeated points and collinear or folded-back vertices
/// within `tolerance` are dropped, so no wall or cap triangle is degenerate, and rings touching each other
/// (a courtyard touching the outline at a vertex) are pulled `separation` apart, which keeps the solid a
/// 2-manifold.
public struct BuildingExtruder: Sendable {
    /// Merge and collinearity tolerance, metres.
    public var tolerance: Double
    /// Gap opened between rings that touch, metres.
    public var separation: Double

    /// Makes an extruder; the defaults suit footprints digitised to centimetres.
    public init(tolerance: Double = 0.001, separation: Double = 0.01) {
        self.tolerance = tolerance
        self.separation = separation
    }

    /// Extrudes `footprint` from `baseHeight` to `topHeight` (metres along the local up axis), tagging
    /// every vertex with `featureID`.
    public func extrude(_ footprint: Geometry, baseHeight: Double, topHeight: Double, featureID: UInt32)
        throws(ExtrusionError) -> Extrusion
    {
        guard baseHeight.isFinite, topHeight.isFinite, topHeight > baseHeight else {
            throw .nonPositiveHeight(base: baseHeight, top: topHeight)
        }
        let polygons = try Self.polygons(of: footprint)
        return try extrude(polygons: polygons, baseHeight: baseHeight, topHeight: topHeight, featureID: featureID)
    }

    /// Extrudes polygons given as rings of east-north points (outer ring first).
    public func extrude(polygons: [[[SIMD2<Double>]]], baseHeight: Double, topHeight: Double, featureID: UInt32)
        throws(ExtrusionError) -> Extrusion
    {
        guard baseHeight.isFinite, topHeight.isFinite, topHeight > baseHeight else {
            throw .nonPositiveHeight(base: baseHeight, top: topHeight)
        }
        let cleaned = FootprintCleaner(tolerance: tolerance, separation: separation).clean(polygons)
        guard !cleaned.isEmpty else { throw .emptyFootprint }
        var result = Extrusion(walls: TriangleMesh(), roof: TriangleMesh(), floor: TriangleMesh())
        for (part, rings) in cleaned.enumerated() {
            let triangulation = Triangulator.triangulate(rings)
            let used = rings.indices.filter { !triangulation.droppedRings.contains($0) }
            guard triangulation.isComplete, covers(triangulation, rings: used.map { rings[$0] }) else {
                throw .triangulationFailed(part: part)
            }
            addCaps(triangulation, base: baseHeight, top: topHeight, featureID: featureID, to: &result)
            for ring in used.map({ rings[$0] }) {
                addWalls(ring, base: baseHeight, top: topHeight, featureID: featureID, to: &result.walls)
            }
        }
        return result
    }

    /// The footprint's polygons as rings of (east, north) points.
    static func polygons(of geometry: Geometry) throws(ExtrusionError) -> [[[SIMD2<Double>]]] {
        func rings(_ polygon: [[Position]]) -> [[SIMD2<Double>]] {
            polygon.map { ring in ring.map { SIMD2($0.x, $0.y) } }
        }
        switch geometry {
        case .polygon(let polygon): return [rings(polygon)]
        case .multiPolygon(let polygons): return polygons.map(rings)
        case .geometryCollection(let parts):
            var all: [[[SIMD2<Double>]]] = []
            for part in parts { all += try polygons(of: part) }
            return all
        default: throw .notPolygonal(geometry.typeName)
        }
    }

    /// True when the triangles use every vertex of the used rings (no T-junction against the walls) and
    /// cover their area.
    private func covers(_ t: Triangulation, rings: [[SIMD2<Double>]]) -> Bool {
        let used = Set(t.indices.map { t.vertices[$0] })
        guard rings.allSatisfy({ $0.allSatisfy(used.contains) }) else { return false }
        var area = 0.0
        for (k, ring) in rings.enumerated() {
            var twice = 0.0
            for i in ring.indices {
                let p = ring[i]
                let q = ring[(i + 1) % ring.count]
                twice += p.x * q.y - q.x * p.y
            }
            area += k == 0 ? abs(twice) / 2 : -abs(twice) / 2
        }
        return abs(t.area - area) <= 1e-6 * max(area, tolerance * tolerance)
    }

    private func addCaps(
        _ t: Triangulation, base: Double, top: Double, featureID: UInt32, to result: inout Extrusion
    ) {
        let up = SIMD3<Float>(0, 1, 0)
        var roofIndex: [Int: UInt32] = [:]
        var floorIndex: [Int: UInt32] = [:]
        for i in t.indices where roofIndex[i] == nil {
            let p = t.vertices[i]
            roofIndex[i] = result.roof.addVertex(
                AxisConvention.gltfFloat(east: p.x, north: p.y, up: top), normal: up, featureID: featureID)
            floorIndex[i] = result.floor.addVertex(
                AxisConvention.gltfFloat(east: p.x, north: p.y, up: base), normal: -up, featureID: featureID)
        }
        for k in 0..<t.triangleCount {
            let a = t.indices[3 * k]
            let b = t.indices[3 * k + 1]
            let c = t.indices[3 * k + 2]
            result.roof.addTriangle(roofIndex[a]!, roofIndex[b]!, roofIndex[c]!)
            result.floor.addTriangle(floorIndex[a]!, floorIndex[c]!, floorIndex[b]!)
        }
    }

    /// One quad per edge of a ring whose solid lies on its left (outer counter-clockwise, holes clockwise).
    private func addWalls(
        _ ring: [SIMD2<Double>], base: Double, top: Double, featureID: UInt32, to walls: inout TriangleMesh
    ) {
        for i in ring.indices {
            let a = ring[i]
            let b = ring[(i + 1) % ring.count]
            let d = b - a
            let length = (d * d).sum().squareRoot()
            // Outward is to the right of the edge: (dy, −dx) in east-north.
            let outward = AxisConvention.gltf(east: d.y / length, north: -d.x / length, up: 0)
            let normal = SIMD3<Float>(Float(outward.x), Float(outward.y), Float(outward.z))
            let a0 = walls.addVertex(
                AxisConvention.gltfFloat(east: a.x, north: a.y, up: base), normal: normal, featureID: featureID)
            let b0 = walls.addVertex(
                AxisConvention.gltfFloat(east: b.x, north: b.y, up: base), normal: normal, featureID: featureID)
            let b1 = walls.addVertex(
                AxisConvention.gltfFloat(east: b.x, north: b.y, up: top), normal: normal, featureID: featureID)
            let a1 = walls.addVertex(
                AxisConvention.gltfFloat(east: a.x, north: a.y, up: top), normal: normal, featureID: featureID)
            walls.addTriangle(a0, b0, b1)
            walls.addTriangle(a0, b1, a1)
        }
    }
}

public import CityBundleModel
import GDALKit

/// A building's 2D footprint from its surfaces.
///
/// The `GroundSurface` polygons of the highest LoD that has any, else its `lod0FootPrint`
/// polygons, projected to 2D (heights dropped) as a Polygon or MultiPolygon; else — a building
/// with only solids, multi-surfaces or roofs — the union (GEOS) of the 2D projections of all its
/// surfaces that have an area in plan (roofs, floors; walls project to lines and are left out),
/// which is the outline seen from above, overhangs included; the convex hull of all positions only
/// when GEOS cannot build that union. Exterior rings are made counter-clockwise and holes clockwise
/// (RFC 7946). `nil` without geometry.
public enum Footprint {
    /// The footprint of `object`'s surfaces, in their CRS.
    public static func of(_ object: CityObject) -> Geometry? {
        for type in [SurfaceType.ground, .footprint] {
            let candidates = object.surfaces.filter { $0.type == type }
            guard let lod = candidates.map(\.lod).max() else { continue }
            let polygons = candidates.filter { $0.lod == lod }.map { surface in
                surface.rings.enumerated().map { index, ring in oriented(flat(ring), counterClockwise: index == 0) }
            }
            return polygons.count == 1 ? .polygon(polygons[0]) : .multiPolygon(polygons)
        }
        if let outline = planOutline(object.surfaces) { return outline }
        let points = object.surfaces.flatMap { $0.rings.flatMap(flat) }
        let hull = convexHull(points)
        guard hull.count >= 3 else { return nil }
        return .polygon([hull + [hull[0]]])
    }

    private static func flat(_ ring: [Position]) -> [Position] { ring.map { Position($0.x, $0.y) } }

    /// The union of the surfaces' 2D projections that have an area (more than a billionth of the
    /// building's extent in plan), oriented for RFC 7946.
    static func planOutline(_ surfaces: [CitySurface]) -> Geometry? {
        var box: BoundingBox?
        for surface in surfaces {
            for ring in surface.rings {
                for p in ring where p.isFinite {
                    if box == nil { box = BoundingBox(p) } else { box!.extend(p) }
                }
            }
        }
        guard let box else { return nil }
        let tiny = (box.maxX - box.minX) * (box.maxY - box.minY) * 1e-9
        let polygons = surfaces.compactMap { surface -> [[Position]]? in
            guard let exterior = surface.rings.first.map(flat), abs(signedArea2(exterior)) / 2 > tiny else {
                return nil
            }
            return surface.rings.map { closed(flat($0)) }
        }
        guard !polygons.isEmpty, let union = GeometryRelations.union(polygons) else { return nil }
        func orient(_ rings: [[Position]]) -> [[Position]] {
            rings.enumerated().map { index, ring in oriented(ring, counterClockwise: index == 0) }
        }
        switch union {
        case .polygon(let rings): return .polygon(orient(rings))
        case .multiPolygon(let list): return .multiPolygon(list.map(orient))
        default: return nil
        }
    }

    private static func closed(_ ring: [Position]) -> [Position] {
        guard let first = ring.first, let last = ring.last, first != last else { return ring }
        return ring + [first]
    }

    /// Twice the signed area (positive when counter-clockwise).
    static func signedArea2(_ ring: [Position]) -> Double {
        guard ring.count > 2 else { return 0 }
        var sum = 0.0
        for index in 0..<ring.count {
            let a = ring[index]
            let b = ring[(index + 1) % ring.count]
            sum += a.x * b.y - b.x * a.y
        }
        return sum
    }

    private static func oriented(_ ring: [Position], counterClockwise: Bool) -> [Position] {
        let isCounterClockwise = signedArea2(ring) > 0
        return isCounterClockwise == counterClockwise ? ring : ring.reversed()
    }

    /// The counter-clockwise convex hull (Andrew's monotone chain), not closed.
    static func convexHull(_ points: [Position]) -> [Position] {
        let sorted = points.sorted { $0.x < $1.x || ($0.x == $1.x && $0.y < $1.y) }
        guard sorted.count >= 3 else { return sorted }
        func cross(_ o: Position, _ a: Position, _ b: Position) -> Double {
            (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x)
        }
        var lower: [Position] = []
        for point in sorted {
            while lower.count >= 2, cross(lower[lower.count - 2], lower[lower.count - 1], point) <= 0 {
                lower.removeLast()
            }
            lower.append(point)
        }
        var upper: [Position] = []
        for point in sorted.reversed() {
            while upper.count >= 2, cross(upper[upper.count - 2], upper[upper.count - 1], point) <= 0 {
                upper.removeLast()
            }
            upper.append(point)
        }
        return Array(lower.dropLast() + upper.dropLast())
    }
}

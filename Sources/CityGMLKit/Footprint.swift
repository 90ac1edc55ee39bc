public import CityBundleModel

/// A building's 2D footprint from its surfaces.
///
/// The `GroundSurface` polygons of the highest LoD that has any, else its `lod0FootPrint`
/// polygons, projected to 2D (heights dropped) as a Polygon or MultiPolygon; else — a building
/// with only solids, multi-surfaces or roofs — the convex hull of all its positions in 2D (an
/// approximation: exact for convex buildings, larger for L-shaped ones). Exterior rings are made
/// counter-clockwise and holes clockwise (RFC 7946). `nil` without geometry.
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
        let points = object.surfaces.flatMap { $0.rings.flatMap(flat) }
        let hull = convexHull(points)
        guard hull.count >= 3 else { return nil }
        return .polygon([hull + [hull[0]]])
    }

    private static func flat(_ ring: [Position]) -> [Position] { ring.map { Position($0.x, $0.y) } }

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

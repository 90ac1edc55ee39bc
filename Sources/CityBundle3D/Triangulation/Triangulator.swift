/// Triangulates polygons with holes by ear clipping, joining holes to the outline with David Eberly's
/// bridges (the approach of mapbox/earcut, written here from the published algorithms).
///
/// Input rings may wind either way (the outer ring is made counter-clockwise and holes clockwise),
/// may repeat their first point at the end, and may contain repeated consecutive points, collinear
/// points, holes touching the outline at a vertex and nearly degenerate slivers. Collinear vertices are
/// kept in the triangulation where possible, so the edges of the result match the rings' edges.
///
/// The output never contains a zero-area or clockwise triangle. The work is bounded: when no ear,
/// no splitting diagonal and no zero-area vertex can be found (self-crossing input) or the budget runs
/// out, the rest of the polygon is abandoned and `isComplete` is false.
public enum Triangulator {
    /// Triangulates a polygon given as rings of 2D points (ring 0 is the outline, the others holes).
    /// Indices in the result refer to the rings flattened in order.
    public static func triangulate(_ rings: [[SIMD2<Double>]]) -> Triangulation {
        let vertices = rings.flatMap { $0 }
        var dropped: [Int] = []
        guard let frame = Frame(vertices) else {
            return Triangulation(
                vertices: vertices, indices: [], droppedRings: Array(rings.indices), isComplete: rings.isEmpty)
        }
        var nodes = PolygonNodes(
            epsilon: frame.scale * frame.scale * 1e-14, budget: max(100_000, 64 * vertices.count * vertices.count))
        var offset = 0
        var outer: Int?
        var holes: [(node: Int, maxX: Double, ring: Int)] = []
        for (ringIndex, ring) in rings.enumerated() {
            defer { offset += ring.count }
            let isOuter = ringIndex == 0
            if !isOuter && outer == nil {
                dropped.append(ringIndex)
                continue
            }
            guard let start = link(ring, offset: offset, counterClockwise: isOuter, frame: frame, into: &nodes) else {
                dropped.append(ringIndex)
                continue
            }
            if isOuter {
                outer = start
            } else {
                let right = nodes.rightmost(start)
                holes.append((right, nodes.x[right], ringIndex))
            }
        }
        guard let outer else {
            return Triangulation(vertices: vertices, indices: [], droppedRings: dropped, isComplete: true)
        }
        // Right-most holes first, so a bridge never crosses a hole that is not yet joined.
        holes.sort { $0.maxX != $1.maxX ? $0.maxX > $1.maxX : $0.ring < $1.ring }
        for hole in holes where !nodes.bridge(hole: hole.node, into: outer) {
            dropped.append(hole.ring)
        }
        nodes.clipAll(outer)
        return Triangulation(
            vertices: vertices, indices: nodes.triangles, droppedRings: dropped.sorted(),
            isComplete: !nodes.gaveUp)
    }

    /// Triangulates an outline with optional holes; indices run over `outer` then each hole in turn.
    public static func triangulate(outer: [SIMD2<Double>], holes: [[SIMD2<Double>]] = []) -> Triangulation {
        triangulate([outer] + holes)
    }

    /// Links one ring into `nodes` with the requested winding, skipping non-finite and repeated points;
    /// nil when fewer than three distinct points or no area remain.
    private static func link(
        _ ring: [SIMD2<Double>], offset: Int, counterClockwise: Bool, frame: Frame, into nodes: inout PolygonNodes
    ) -> Int? {
        var kept: [Int] = []
        for (i, p) in ring.enumerated() where p.x.isFinite && p.y.isFinite {
            if let last = kept.last, ring[last - offset] == p { continue }
            kept.append(offset + i)
        }
        while kept.count > 1, ring[kept[0] - offset] == ring[kept[kept.count - 1] - offset] {
            kept.removeLast()
        }
        guard kept.count >= 3 else { return nil }
        let points = kept.map { frame.local(ring[$0 - offset]) }
        var twiceArea = 0.0
        for i in points.indices {
            let p = points[i]
            let q = points[(i + 1) % points.count]
            twiceArea += p.x * q.y - q.x * p.y
        }
        guard abs(twiceArea) > nodes.epsilon else { return nil }
        let order = (twiceArea > 0) == counterClockwise ? Array(kept.indices) : kept.indices.reversed()
        var last: Int?
        for i in order {
            last = nodes.insert(source: kept[i], x: points[i].x, y: points[i].y, after: last)
        }
        return last
    }

    /// The centre and size of the input, for centred, scale-aware predicates.
    private struct Frame {
        let centre: SIMD2<Double>
        let scale: Double

        init?(_ points: [SIMD2<Double>]) {
            let finite = points.filter { $0.x.isFinite && $0.y.isFinite }
            guard let first = finite.first else { return nil }
            var lower = first
            var upper = first
            for p in finite {
                lower = pointwiseMin(lower, p)
                upper = pointwiseMax(upper, p)
            }
            centre = (lower + upper) / 2
            scale = max(upper.x - lower.x, upper.y - lower.y)
            guard scale > 0 else { return nil }
        }

        func local(_ p: SIMD2<Double>) -> SIMD2<Double> { p - centre }
    }
}

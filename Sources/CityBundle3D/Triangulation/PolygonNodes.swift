/// The working state of one triangulation: polygon vertices as nodes of circular doubly linked lists
/// (structure of arrays, so nodes are plain `Int`s), the triangles emitted so far and the work budget.
///
/// Coordinates are stored relative to the centre of the input's bounding box, which keeps the
/// orientation tests well conditioned for projected coordinates far from their origin.
struct PolygonNodes {
    /// Node x coordinates (centred).
    var x: [Double] = []
    /// Node y coordinates (centred).
    var y: [Double] = []
    /// For each node, the index of its vertex in the caller's flattened vertex list.
    var source: [Int] = []
    /// Previous node in the node's ring.
    var prev: [Int] = []
    /// Next node in the node's ring.
    var next: [Int] = []
    /// Twice-area below which a triangle counts as degenerate.
    let epsilon: Double
    /// Emitted triangles, as triples of source indices, counter-clockwise.
    var triangles: [Int] = []
    /// Remaining work, in node visits; when it runs out the triangulation stops and is incomplete.
    var budget: Int
    /// True once any part of the polygon had to be abandoned.
    var gaveUp = false

    init(epsilon: Double, budget: Int) {
        self.epsilon = epsilon
        self.budget = budget
    }

    /// Appends a node after `last` (or as a new one-node ring) and returns it.
    mutating func insert(source index: Int, x px: Double, y py: Double, after last: Int?) -> Int {
        let node = x.count
        x.append(px)
        y.append(py)
        source.append(index)
        if let last {
            let following = next[last]
            prev.append(last)
            next.append(following)
            next[last] = node
            prev[following] = node
        } else {
            prev.append(node)
            next.append(node)
        }
        return node
    }

    /// A new unlinked node with the same vertex as `node`.
    mutating func clone(_ node: Int) -> Int {
        insert(source: source[node], x: x[node], y: y[node], after: nil)
    }

    /// Unlinks `node` from its ring.
    mutating func unlink(_ node: Int) {
        next[prev[node]] = next[node]
        prev[next[node]] = prev[node]
    }

    /// Number of nodes in the ring holding `start`.
    func ringCount(_ start: Int) -> Int {
        var count = 0
        var node = start
        repeat {
            count += 1
            node = next[node]
        } while node != start && count <= x.count
        return count
    }

    /// Twice the signed area of the triangle (a, b, c): positive when counter-clockwise.
    func orient(_ a: Int, _ b: Int, _ c: Int) -> Double {
        (x[b] - x[a]) * (y[c] - y[a]) - (y[b] - y[a]) * (x[c] - x[a])
    }

    /// True when two nodes sit at exactly the same position.
    func samePosition(_ a: Int, _ b: Int) -> Bool {
        x[a] == x[b] && y[a] == y[b]
    }

    /// True when direction `(dx, dy)` from `node` points strictly into the polygon's interior angle there
    /// (the interior lies to the left of every edge).
    func pointsInside(from node: Int, dx: Double, dy: Double) -> Bool {
        let d1x = x[next[node]] - x[node]
        let d1y = y[next[node]] - y[node]
        let d2x = x[prev[node]] - x[node]
        let d2y = y[prev[node]] - y[node]
        if d1x * d2y - d1y * d2x >= 0 {
            // Convex or straight: the interior is the cone from d1 counter-clockwise to d2.
            return d1x * dy - d1y * dx > 0 && dx * d2y - dy * d2x > 0
        }
        // Reflex: inside unless in the closed exterior cone from d2 counter-clockwise to d1.
        return !(d2x * dy - d2y * dx >= 0 && dx * d1y - dy * d1x >= 0)
    }

    /// True when the direction from `a` to `b` points strictly into the interior angle at `a`.
    func pointsInside(from a: Int, toward b: Int) -> Bool {
        pointsInside(from: a, dx: x[b] - x[a], dy: y[b] - y[a])
    }

    /// True when `p` lies inside or on the closed triangle (a, b, c) of either orientation,
    /// including its bounding box for the collinear case.
    func closedTriangleContains(_ a: Int, _ b: Int, _ c: Int, _ p: Int) -> Bool {
        let px = x[p]
        let py = y[p]
        guard px >= min(x[a], x[b], x[c]), px <= max(x[a], x[b], x[c]),
            py >= min(y[a], y[b], y[c]), py <= max(y[a], y[b], y[c])
        else { return false }
        let d1 = orient(a, b, p)
        let d2 = orient(b, c, p)
        let d3 = orient(c, a, p)
        return (d1 >= 0 && d2 >= 0 && d3 >= 0) || (d1 <= 0 && d2 <= 0 && d3 <= 0)
    }

    /// Records the triangle (a, b, c), which the caller has checked to be counter-clockwise.
    mutating func emit(_ a: Int, _ b: Int, _ c: Int) {
        triangles.append(source[a])
        triangles.append(source[b])
        triangles.append(source[c])
    }
}

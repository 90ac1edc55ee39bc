/// Hole elimination by David Eberly's bridge construction ("Triangulation by Ear Clipping", 2002):
/// each hole is joined to the outer ring by a pair of coincident edges from its right-most vertex to a
/// mutually visible outer vertex, turning a polygon with holes into one weakly simple ring.
extension PolygonNodes {
    /// The node with the largest x of the ring holding `start` (ties: the largest y, then the first).
    func rightmost(_ start: Int) -> Int {
        var best = start
        var node = next[start]
        while node != start {
            if x[node] > x[best] || (x[node] == x[best] && y[node] > y[best]) { best = node }
            node = next[node]
        }
        return best
    }

    /// Joins the hole ring holding `hole` (clockwise) into the outer ring holding `outer`
    /// (counter-clockwise). Returns false, changing nothing, when no visible outer vertex exists.
    mutating func bridge(hole: Int, into outer: Int) -> Bool {
        let m = rightmost(hole)
        guard let p = bridgeTarget(from: m, outer: outer) else { return false }
        splice(outer: p, hole: m)
        return true
    }

    /// Eberly's search: cast a ray from `m` towards +x, take the closest outer edge it meets, then the
    /// visible vertex in the triangle (m, hit, edge end) making the smallest angle with the ray.
    func bridgeTarget(from m: Int, outer: Int) -> Int? {
        let mx = x[m]
        let my = y[m]
        var hitX = Double.infinity
        var endpoint: Int?
        var node = outer
        repeat {
            let following = next[node]
            // Edges going up (interior on their left, so the ray leaves the interior through them).
            if y[node] <= my, my <= y[following], y[node] != y[following] {
                // Exact at the ends, so a hole touching the outline at a vertex meets it at that vertex.
                let ix =
                    my == y[node]
                    ? x[node]
                    : my == y[following]
                        ? x[following]
                        : x[node] + (my - y[node]) * (x[following] - x[node]) / (y[following] - y[node])
                if ix >= mx, ix < hitX {
                    hitX = ix
                    if my == y[node] {
                        endpoint = node
                    } else if my == y[following] {
                        endpoint = following
                    } else {
                        endpoint = x[node] > x[following] ? node : following
                    }
                }
            }
            node = following
        } while node != outer
        guard let endpoint else { return nil }
        return bestVisible(from: m, hitX: hitX, endpoint: endpoint, outer: outer) ?? endpoint
    }

    /// Among outer vertices in the closed triangle (m, (hitX, y_m), endpoint), the one the bridge from
    /// `m` can reach: smallest angle with the ray, then the nearest, then the first in ring order.
    private func bestVisible(from m: Int, hitX: Double, endpoint: Int, outer: Int) -> Int? {
        let mx = x[m]
        let my = y[m]
        let tx = [mx, hitX, x[endpoint]]
        let ty = [my, my, y[endpoint]]
        var best: Int?
        var bestTan = Double.infinity
        var bestDistance = Double.infinity
        var node = outer
        repeat {
            defer { node = next[node] }
            let coincident = x[node] == mx && y[node] == my
            guard coincident || x[node] > mx else { continue }
            guard coincident || node == endpoint || contains(tx, ty, x[node], y[node]) else { continue }
            guard canBridge(outer: node, hole: m) else { continue }
            let dx = x[node] - mx
            let dy = y[node] - my
            let tangent = coincident ? -1 : abs(dy) / dx
            let distance = dx * dx + dy * dy
            if tangent < bestTan || (tangent == bestTan && distance < bestDistance) {
                best = node
                bestTan = tangent
                bestDistance = distance
            }
        } while node != outer
        return best
    }

    /// True when a bridge from outer node `p` to hole node `m` enters the interior at `p`; for a
    /// zero-length bridge (a hole touching the outline), both hole edges at `m` must enter it.
    private func canBridge(outer p: Int, hole m: Int) -> Bool {
        if samePosition(p, m) {
            return pointsInside(from: p, toward: next[m]) && pointsInside(from: p, toward: prev[m])
        }
        return pointsInside(from: p, toward: m)
    }

    /// Closed triangle containment for explicit coordinates (any orientation).
    private func contains(_ tx: [Double], _ ty: [Double], _ px: Double, _ py: Double) -> Bool {
        guard px >= tx.min()!, px <= tx.max()!, py >= ty.min()!, py <= ty.max()! else { return false }
        func side(_ i: Int, _ j: Int) -> Double {
            (tx[j] - tx[i]) * (py - ty[i]) - (ty[j] - ty[i]) * (px - tx[i])
        }
        let d1 = side(0, 1)
        let d2 = side(1, 2)
        let d3 = side(2, 0)
        return (d1 >= 0 && d2 >= 0 && d3 >= 0) || (d1 <= 0 && d2 <= 0 && d3 <= 0)
    }

    /// Links outer node `p` to hole node `m`: p → m → … (hole) … → m′ → p′ → (rest of the outer ring),
    /// then drops the zero-length edges a touching hole leaves behind.
    private mutating func splice(outer p: Int, hole m: Int) {
        // The same relinking as splitting a ring along the diagonal p–m; m′ → p′ afterwards.
        let m2 = split(p, m)
        if samePosition(p, m) {
            unlink(m)
            unlink(next[m2])
        }
    }
}

/// Ear clipping over the linked rings, with the fallbacks that keep it total on bad input: when a whole
/// pass finds no ear the ring is split along a valid diagonal, else zero-area vertices are dropped, else
/// the ring is abandoned (`gaveUp`). Every step spends budget, so the loop always ends.
extension PolygonNodes {
    /// Triangulates the ring holding `start` and every ring split off it.
    mutating func clipAll(_ start: Int) {
        var pending = [start]
        while let ring = pending.popLast() {
            if let other = clip(ring) { pending.append(contentsOf: other) }
        }
    }

    /// Clips ears from one ring; returns the two halves when the ring had to be split instead.
    private mutating func clip(_ start: Int) -> [Int]? {
        var count = ringCount(start)
        var ear = start
        for _ in 0..<count where count > 3 { ear = next[collapse(around: ear, count: &count)] }
        var stop = ear
        while count > 3 {
            guard budget > 0 else {
                gaveUp = true
                return nil
            }
            budget -= 1
            let a = prev[ear]
            let c = next[ear]
            if isEar(ear) {
                emit(a, ear, c)
                unlink(ear)
                count -= 1
                // Spikes can only appear where the ring changed: at the ear's neighbours.
                let kept = collapse(around: a, count: &count)
                let after = isLinked(c) ? collapse(around: c, count: &count) : kept
                // Moving on two nodes spreads the cuts and gives fewer slivers.
                ear = next[after]
                stop = ear
                continue
            }
            ear = c
            if ear == stop {
                if let (p, q) = findDiagonal(ear) { return [p, split(p, q)] }
                if let survivor = dropDegenerate(ear) {
                    ear = survivor
                    stop = ear
                    count = ringCount(ear)
                    continue
                }
                gaveUp = true
                return nil
            }
        }
        if count == 3 {
            let a = prev[ear]
            let c = next[ear]
            let area = orient(a, ear, c)
            if area > epsilon {
                emit(a, ear, c)
            } else if area < -epsilon {
                gaveUp = true  // a clockwise remainder: the input crossed itself
            }
        }
        return nil
    }

    /// Removes zero-length edges and zero-width spikes (a vertex whose neighbours coincide) at `node`,
    /// repeatedly; they add no area and their edges pair up with each other. Returns a linked node.
    mutating func collapse(around node: Int, count: inout Int) -> Int {
        var node = isLinked(node) ? node : next[node]
        while count > 3 {
            let following = next[node]
            let previous = prev[node]
            if samePosition(node, following) {
                unlink(following)
            } else if samePosition(previous, following) {
                unlink(node)
                node = previous
            } else {
                break
            }
            count -= 1
        }
        return node
    }

    /// True while `node` is still part of a ring.
    func isLinked(_ node: Int) -> Bool {
        next[prev[node]] == node
    }

    /// True when the triangle (prev, ear, next) is strictly convex and no other vertex of the ring
    /// lies in it or on its boundary. Vertices at the position of one of its corners (left by hole
    /// bridges or pinch points) are allowed when none of their edges enters the triangle.
    mutating func isEar(_ ear: Int) -> Bool {
        let a = prev[ear]
        let b = ear
        let c = next[ear]
        guard orient(a, b, c) > epsilon else { return false }
        let minX = min(x[a], x[b], x[c])
        let maxX = max(x[a], x[b], x[c])
        let minY = min(y[a], y[b], y[c])
        let maxY = max(y[a], y[b], y[c])
        var p = next[c]
        var pinched = false
        while p != a {
            defer { p = next[p] }
            budget -= 1
            guard x[p] >= minX, x[p] <= maxX, y[p] >= minY, y[p] <= maxY else { continue }
            if samePosition(p, a) {
                if invades(corner: a, from: b, to: c, duplicate: p) { return false }
                pinched = true
            } else if samePosition(p, b) {
                if invades(corner: b, from: c, to: a, duplicate: p) { return false }
                pinched = true
            } else if samePosition(p, c) {
                if invades(corner: c, from: a, to: b, duplicate: p) { return false }
                pinched = true
            } else if closedTriangleContains(a, b, c, p) {
                return false
            }
        }
        // Where the ring doubles back on itself along zero-width chains, the local tests cannot tell a
        // slit (interior on both sides) from a leftover chain between two regions: ask the whole ring.
        return !pinched || ringContains(x: (x[a] + x[b] + x[c]) / 3, y: (y[a] + y[b] + y[c]) / 3, ring: b)
    }

    /// Even-odd containment of a point in the ring holding `start`.
    mutating func ringContains(x px: Double, y py: Double, ring start: Int) -> Bool {
        var inside = false
        var p = start
        repeat {
            budget -= 1
            let q = next[p]
            if (y[p] > py) != (y[q] > py), px < (x[q] - x[p]) * (py - y[p]) / (y[q] - y[p]) + x[p] {
                inside.toggle()
            }
            p = q
        } while p != start
        return inside
    }

    /// True when an edge of `duplicate` (a node at the position of `corner`) points strictly into the
    /// triangle's angle at `corner`, from direction `from` counter-clockwise to `to`. An edge along a side
    /// is fine: a vertex on that side is caught by the containment test.
    private func invades(corner: Int, from u: Int, to v: Int, duplicate p: Int) -> Bool {
        let e1x = x[u] - x[corner]
        let e1y = y[u] - y[corner]
        let e2x = x[v] - x[corner]
        let e2y = y[v] - y[corner]
        for neighbour in [prev[p], next[p]] {
            let dx = x[neighbour] - x[p]
            let dy = y[neighbour] - y[p]
            if e1x * dy - e1y * dx > 0 && dx * e2y - dy * e2x > 0 { return true }
        }
        return false
    }

    /// Removes vertices that add no area (repeated positions, straight or folded-back vertices) from the
    /// ring holding `start`; returns a surviving node, or nil when nothing was removed or the ring
    /// collapsed.
    mutating func dropDegenerate(_ start: Int) -> Int? {
        var node = start
        var removed = false
        var count = ringCount(start)
        var unchanged = 0
        while count >= 3 && unchanged < count {
            let a = prev[node]
            let c = next[node]
            if samePosition(node, c) || abs(orient(a, node, c)) <= epsilon {
                unlink(node)
                removed = true
                count -= 1
                unchanged = 0
                node = a
            } else {
                unchanged += 1
                node = c
            }
        }
        return removed && count >= 3 ? node : nil
    }

    /// A diagonal (p, q) of the ring holding `start` that lies inside it and crosses no edge, if any.
    mutating func findDiagonal(_ start: Int) -> (Int, Int)? {
        var a = start
        repeat {
            var b = next[next[a]]
            while b != prev[a] {
                budget -= 1
                if budget <= 0 { return nil }
                if isValidDiagonal(a, b) { return (a, b) }
                b = next[b]
            }
            a = next[a]
        } while a != start
        return nil
    }

    private mutating func isValidDiagonal(_ a: Int, _ b: Int) -> Bool {
        guard !samePosition(a, b), pointsInside(from: a, toward: b), pointsInside(from: b, toward: a) else {
            return false
        }
        var p = a
        repeat {
            budget -= 1
            let q = next[p]
            let touchesEnds =
                samePosition(p, a) || samePosition(p, b) || samePosition(q, a) || samePosition(q, b)
            if !touchesEnds && segmentsTouch(a, b, p, q) { return false }
            // At a pinch point only the diagonal's own node may see it leave into the interior.
            if p != a && samePosition(p, a) && claims(p, toward: b) { return false }
            if p != b && samePosition(p, b) && claims(p, toward: a) { return false }
            p = q
        } while p != a
        return ringContains(x: (x[a] + x[b]) / 2, y: (y[a] + y[b]) / 2, ring: a)
    }

    /// True when the direction from `p` to `target` enters the interior angle at `p` or runs along one
    /// of its edges.
    private func claims(_ p: Int, toward target: Int) -> Bool {
        if pointsInside(from: p, toward: target) { return true }
        let dx = x[target] - x[p]
        let dy = y[target] - y[p]
        for neighbour in [prev[p], next[p]] {
            let ex = x[neighbour] - x[p]
            let ey = y[neighbour] - y[p]
            if ex * dy - ey * dx == 0 && ex * dx + ey * dy > 0 { return true }
        }
        return false
    }

    /// True when the closed segments (a, b) and (p, q) share any point.
    private func segmentsTouch(_ a: Int, _ b: Int, _ p: Int, _ q: Int) -> Bool {
        let d1 = orient(a, b, p)
        let d2 = orient(a, b, q)
        let d3 = orient(p, q, a)
        let d4 = orient(p, q, b)
        if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) {
            return true
        }
        func onSegment(_ s: Int, _ t: Int, _ r: Int) -> Bool {
            r != s && r != t && min(x[s], x[t]) <= x[r] && x[r] <= max(x[s], x[t])
                && min(y[s], y[t]) <= y[r] && y[r] <= max(y[s], y[t])
        }
        return (d1 == 0 && onSegment(a, b, p)) || (d2 == 0 && onSegment(a, b, q))
            || (d3 == 0 && onSegment(p, q, a)) || (d4 == 0 && onSegment(p, q, b))
    }

    /// Splits the ring along diagonal (a, b): a keeps a → b → …; returns a node of the other half.
    mutating func split(_ a: Int, _ b: Int) -> Int {
        let a2 = clone(a)
        let b2 = clone(b)
        let aNext = next[a]
        let bPrev = prev[b]
        next[a] = b
        prev[b] = a
        next[a2] = aNext
        prev[aNext] = a2
        next[b2] = a2
        prev[a2] = b2
        next[bPrev] = b2
        prev[b2] = bPrev
        return b2
    }
}

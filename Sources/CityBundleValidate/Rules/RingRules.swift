import CityBundleModel
import CityBundlePipeline

/// Checks and repairs of single rings and lines: closure, length, repeated points, spikes, winding.
struct RingRules {
    let book: RuleBook

    /// Checks every ring of `geometry` and returns it repaired where the policies say `fix`.
    func check(_ geometry: Geometry, into findings: inout [Finding]) -> Geometry {
        switch geometry {
        case .polygon(let rings):
            return .polygon(checkPolygon(rings, into: &findings))
        case .multiPolygon(let polygons):
            return .multiPolygon(polygons.map { checkPolygon($0, into: &findings) })
        case .lineString(let line):
            return .lineString(dropRepeats(line, minimum: 2, into: &findings))
        case .multiLineString(let lines):
            return .multiLineString(lines.map { dropRepeats($0, minimum: 2, into: &findings) })
        case .geometryCollection(let members):
            return .geometryCollection(members.map { check($0, into: &findings) })
        default:
            return geometry
        }
    }

    private func checkPolygon(_ rings: [[Position]], into findings: inout [Finding]) -> [[Position]] {
        rings.enumerated().map { index, ring in
            var ring = ring
            let name = index == 0 ? "exterior ring" : "hole \(index)"
            if let first = ring.first, let last = ring.last, !samePoint(first, last) {
                if report(.ringUnclosed, "\(name) is not closed (first and last positions differ)", &findings) {
                    ring.append(first)
                }
            }
            ring = dropRepeats(ring, minimum: 4, into: &findings, name: name)
            ring = removeSpikes(ring, name: name, into: &findings)
            if ring.count < 4 {
                _ = report(
                    .ringTooFewPoints, "\(name) has \(ring.count) positions; a ring needs at least 4", &findings)
            }
            let area = RingGeometry.signedArea(ring)
            let wantCounterClockwise = index == 0
            if area != 0 && (area > 0) != wantCounterClockwise {
                let expected = wantCounterClockwise ? "counter-clockwise" : "clockwise"
                if report(.ringWinding, "\(name) is not \(expected) (RFC 7946 §3.1.6)", &findings) {
                    ring.reverse()
                }
            }
            return ring
        }
    }

    private func dropRepeats(
        _ points: [Position], minimum: Int, into findings: inout [Finding], name: String = "line"
    ) -> [Position] {
        var kept: [Position] = []
        kept.reserveCapacity(points.count)
        for point in points where kept.last.map({ !samePoint($0, point) }) ?? true {
            kept.append(point)
        }
        guard kept.count < points.count else { return points }
        let repeats = points.count - kept.count
        guard report(.ringRepeatedPoints, "\(name) repeats a position \(repeats) time(s) in a row", &findings),
            kept.count >= minimum
        else { return points }
        return kept
    }

    /// Removes vertices where the boundary goes out and straight back (A → B → A).
    private func removeSpikes(_ ring: [Position], name: String, into findings: inout [Finding]) -> [Position] {
        guard ring.count >= 5 else { return ring }
        var open = Array(ring.dropLast())
        var spikes = 0
        var index = 0
        while index < open.count && open.count > 3 {
            let previous = open[(index + open.count - 1) % open.count]
            let next = open[(index + 1) % open.count]
            if samePoint(previous, next) || RingGeometry.isSpike(previous, open[index], next) {
                open.remove(at: index)
                if samePoint(open[(index + open.count - 1) % open.count], open[index % open.count]) {
                    open.remove(at: index % open.count)
                }
                spikes += 1
                index = max(0, index - 1)
            } else {
                index += 1
            }
        }
        guard spikes > 0,
            report(.ringSpike, "\(name) has \(spikes) spike(s): the boundary goes out and straight back", &findings)
        else { return ring }
        return open + [open[0]]
    }

    /// Records a finding under the rule's policy; returns true when the caller should repair.
    private func report(_ rule: RuleID, _ message: String, _ findings: inout [Finding]) -> Bool {
        switch book.policy(rule) {
        case .off: return false
        case .warn: findings.append(Finding(rule: rule, severity: .warning, message: message))
        case .error: findings.append(Finding(rule: rule, severity: .error, message: message))
        case .fix:
            findings.append(Finding(rule: rule, severity: .fixed, message: message + "; repaired"))
            return true
        }
        return false
    }

    private func samePoint(_ a: Position, _ b: Position) -> Bool {
        a.x == b.x && a.y == b.y
    }
}

/// Planar measures on lon/lat or projected rings.
enum RingGeometry {
    /// Twice the signed shoelace area: positive for counter-clockwise rings.
    static func signedArea(_ ring: [Position]) -> Double {
        guard ring.count >= 3 else { return 0 }
        var sum = 0.0
        for i in 0..<(ring.count - 1) {
            sum += (ring[i].x - ring[i + 1].x) * (ring[i].y + ring[i + 1].y)
        }
        sum += (ring[ring.count - 1].x - ring[0].x) * (ring[ring.count - 1].y + ring[0].y)
        return sum / 2
    }

    /// True when b is the tip of a spike a → b → c: c lies back on the segment a–b.
    static func isSpike(_ a: Position, _ b: Position, _ c: Position) -> Bool {
        let abx = b.x - a.x
        let aby = b.y - a.y
        let cbx = b.x - c.x
        let cby = b.y - c.y
        let cross = abx * cby - aby * cbx
        let dot = abx * cbx + aby * cby
        let scale = max(abx * abx + aby * aby, cbx * cbx + cby * cby)
        return scale > 0 && abs(cross) <= 1e-12 * scale && dot > 0
    }
}

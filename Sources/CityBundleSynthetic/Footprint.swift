import CityBundleModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The outline families of generated buildings.
public enum FootprintShape: String, Sendable, CaseIterable, Codable {
    /// A rectangle (about 50% of buildings).
    case rectangle
    /// An L: a rectangle with one corner cut away (about 20%).
    case lShape = "l_shape"
    /// A rectangle with a rectangular courtyard hole (about 10%).
    case courtyard
    /// A star-shaped outline of 20–60 vertices (about 20%).
    case irregular
}

/// A building outline in local metres around its own centre, before it is rotated and placed.
///
/// Every vertex lies within `radius` of the origin, so a footprint placed at a plot's centre never leaves a
/// disc of that radius; plots are at least twice the largest radius apart, so footprints never overlap.
struct Footprint {
    /// The shape family.
    var shape: FootprintShape
    /// Rings in local metres: the exterior first, then holes; each ring closed (last equals first).
    var rings: [[Position]]
    /// The largest distance of a vertex from the origin.
    var radius: Double

    /// The smallest and largest width "across" (the diameter of the enclosing circle), in metres.
    static let across: ClosedRange<Double> = 8...80

    /// Draws a footprint: its family by the target shares, then its size and outline.
    static func random(_ random: inout SyntheticRandom) -> Footprint {
        let draw = random.unit()
        var across = Swift.min(Swift.max(exp(log(24.0) + 0.45 * random.normal()), Self.across.lowerBound), 80)
        switch draw {
        case ..<0.5:
            return rectangle(across: across, &random)
        case ..<0.7:
            return lShape(across: Swift.max(across, 12), &random)
        case ..<0.8:
            across = Swift.max(across, random.double(in: 30...80))
            return courtyard(across: across, &random)
        default:
            return irregular(across: Swift.max(across, 16), &random)
        }
    }

    /// A width and depth whose diagonal is `across`, with an aspect ratio between 1 and 4.
    private static func sides(across: Double, _ random: inout SyntheticRandom) -> (width: Double, depth: Double) {
        let angle = random.double(in: 0.245...0.785)  // atan(1/4)…π/4
        return (across * cos(angle), across * sin(angle))
    }

    private static func rectangle(across: Double, _ random: inout SyntheticRandom) -> Footprint {
        let (w, d) = sides(across: across, &random)
        return Footprint(shape: .rectangle, rings: [box(w / 2, d / 2)], radius: across / 2)
    }

    private static func lShape(across: Double, _ random: inout SyntheticRandom) -> Footprint {
        let (w, d) = sides(across: across, &random)
        let (x0, y0, x1, y1) = (-w / 2, -d / 2, w / 2, d / 2)
        let cutX = x1 - w * random.double(in: 0.3...0.65)
        let cutY = y1 - d * random.double(in: 0.3...0.65)
        let ring = [
            Position(x0, y0), Position(x1, y0), Position(x1, cutY), Position(cutX, cutY), Position(cutX, y1),
            Position(x0, y1), Position(x0, y0),
        ]
        return Footprint(shape: .lShape, rings: [ring], radius: across / 2)
    }

    private static func courtyard(across: Double, _ random: inout SyntheticRandom) -> Footprint {
        // At 30 m across the shorter side is at least 16.9 m: a wall of 5 m still leaves a 5 m hole.
        let angle = random.double(in: 0.6...0.785)
        let (w, d) = (across * cos(angle), across * sin(angle))
        let wall = random.double(in: 5...Swift.max(5, Swift.min(9, Swift.min(w, d) / 2 - 2.5)))
        let hole = box(w / 2 - wall, d / 2 - wall)
        return Footprint(shape: .courtyard, rings: [box(w / 2, d / 2), hole], radius: across / 2)
    }

    private static func irregular(across: Double, _ random: inout SyntheticRandom) -> Footprint {
        let count = random.int(in: 20...60)
        let radius = across / 2
        let step = 2 * Double.pi / Double(count)
        let (a2, a3) = (random.double(in: 0...0.12), random.double(in: 0...0.08))
        let (p2, p3) = (random.double(in: 0...(2 * .pi)), random.double(in: 0...(2 * .pi)))
        var ring: [Position] = []
        ring.reserveCapacity(count + 1)
        for index in 0..<count {
            // Strictly increasing angles and positive radii: a star-shaped, hence simple, ring.
            let angle = (Double(index) + random.double(in: -0.35...0.35)) * step
            let wobble = a2 * sin(2 * angle + p2) + a3 * sin(3 * angle + p3) + random.double(in: -0.04...0.04)
            let r = radius * (0.76 + wobble)
            ring.append(Position(r * cos(angle), r * sin(angle)))
        }
        ring.append(ring[0])
        return Footprint(shape: .irregular, rings: [ring], radius: radius)
    }

    /// A closed axis-aligned rectangle ring around the origin.
    private static func box(_ halfWidth: Double, _ halfDepth: Double) -> [Position] {
        [
            Position(-halfWidth, -halfDepth), Position(halfWidth, -halfDepth), Position(halfWidth, halfDepth),
            Position(-halfWidth, halfDepth), Position(-halfWidth, -halfDepth),
        ]
    }

    /// The outline rotated by `angle` radians and moved to `centre`, as a polygon.
    func placed(at centre: Position, angle: Double) -> Geometry {
        let (c, s) = (cos(angle), sin(angle))
        return .polygon(
            rings.map { ring in
                ring.map { p in Position(centre.x + c * p.x - s * p.y, centre.y + s * p.x + c * p.y) }
            })
    }
}

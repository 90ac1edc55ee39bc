/// A Simple Features geometry. Polygons are lists of rings; the first ring is the exterior.
public indirect enum Geometry: Sendable, Hashable {
    case point(Position)
    case multiPoint([Position])
    case lineString([Position])
    case multiLineString([[Position]])
    case polygon([[Position]])
    case multiPolygon([[[Position]]])
    case geometryCollection([Geometry])

    /// The GeoJSON / Simple Features type name.
    public var typeName: String {
        switch self {
        case .point: "Point"
        case .multiPoint: "MultiPoint"
        case .lineString: "LineString"
        case .multiLineString: "MultiLineString"
        case .polygon: "Polygon"
        case .multiPolygon: "MultiPolygon"
        case .geometryCollection: "GeometryCollection"
        }
    }

    /// True when the geometry holds no position at all.
    public var isEmpty: Bool {
        var empty = true
        forEachPosition { _ in empty = false }
        return empty
    }

    /// Calls `body` for every position, in order.
    public func forEachPosition(_ body: (Position) throws -> Void) rethrows {
        switch self {
        case .point(let p): try body(p)
        case .multiPoint(let ps), .lineString(let ps): for p in ps { try body(p) }
        case .multiLineString(let lines), .polygon(let lines):
            for line in lines { for p in line { try body(p) } }
        case .multiPolygon(let polygons):
            for rings in polygons { for ring in rings { for p in ring { try body(p) } } }
        case .geometryCollection(let parts): for g in parts { try g.forEachPosition(body) }
        }
    }

    /// A copy with every position replaced by `transform(position)`.
    public func mapPositions(_ transform: (Position) throws -> Position) rethrows -> Geometry {
        switch self {
        case .point(let p): return .point(try transform(p))
        case .multiPoint(let ps): return .multiPoint(try ps.map(transform))
        case .lineString(let ps): return .lineString(try ps.map(transform))
        case .multiLineString(let lines): return .multiLineString(try lines.map { try $0.map(transform) })
        case .polygon(let rings): return .polygon(try rings.map { try $0.map(transform) })
        case .multiPolygon(let polygons):
            return .multiPolygon(try polygons.map { try $0.map { try $0.map(transform) } })
        case .geometryCollection(let parts):
            return .geometryCollection(try parts.map { try $0.mapPositions(transform) })
        }
    }

    /// The bounding box of all positions, or nil when empty.
    public var bounds: BoundingBox? {
        var box: BoundingBox?
        forEachPosition { p in
            if box == nil { box = BoundingBox(p) } else { box!.extend(p) }
        }
        return box
    }
}

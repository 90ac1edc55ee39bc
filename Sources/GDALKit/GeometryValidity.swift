internal import CGDAL
public import CityBundleModel

/// Simple Features validity through GEOS (via OGR): self-intersections, holes outside shells,
/// nested shells, invalid rings; and GEOS's repair, `MakeValid`.
public enum GeometryValidity {
    /// nil when `geometry` is valid, otherwise GEOS's reason (e.g. "Self-intersection[114.2 30.5]").
    public static func problem(in geometry: Geometry) -> String? {
        GDALRuntime.ensureRegistered()
        guard let handle = OGRGeometryWriter.make(geometry) else { return "the geometry cannot be built" }
        defer { OGR_G_DestroyGeometry(handle) }
        CPLErrorReset()
        if OGR_G_IsValid(handle) != 0 { return nil }
        let message = CPLGetLastErrorMsg().map { String(cString: $0) } ?? ""
        CPLErrorReset()
        let prefix = "GEOS warning: "
        let reason = message.hasPrefix(prefix) ? String(message.dropFirst(prefix.count)) : message
        return reason.isEmpty ? "invalid geometry" : reason
    }

    /// GEOS's repair of `geometry` (`MakeValid`, linework method), or nil when GEOS cannot repair it.
    /// The result may change type (a bow-tie polygon becomes a multipolygon).
    public static func repaired(_ geometry: Geometry) -> Geometry? {
        GDALRuntime.ensureRegistered()
        guard let handle = OGRGeometryWriter.make(geometry) else { return nil }
        defer { OGR_G_DestroyGeometry(handle) }
        guard let valid = OGR_G_MakeValid(handle) else { return nil }
        defer { OGR_G_DestroyGeometry(valid) }
        return (try? OGRGeometryReader.read(valid)) ?? nil
    }
}

/// Builds OGR geometries from `Geometry` values; the caller owns (and destroys) the result.
enum OGRGeometryWriter {
    static func make(_ geometry: Geometry) -> OGRGeometryH? {
        switch geometry {
        case .point(let p):
            return line(wkbPoint, [p])
        case .multiPoint(let points):
            return collection(wkbMultiPoint, points.map { line(wkbPoint, [$0]) })
        case .lineString(let points):
            return line(wkbLineString, points)
        case .multiLineString(let lines):
            return collection(wkbMultiLineString, lines.map { line(wkbLineString, $0) })
        case .polygon(let rings):
            return polygon(rings)
        case .multiPolygon(let polygons):
            return collection(wkbMultiPolygon, polygons.map(polygon))
        case .geometryCollection(let members):
            return collection(wkbGeometryCollection, members.map(make))
        }
    }

    private static func polygon(_ rings: [[Position]]) -> OGRGeometryH? {
        collection(wkbPolygon, rings.map { line(wkbLinearRing, $0) })
    }

    private static func line(_ type: OGRwkbGeometryType, _ points: [Position]) -> OGRGeometryH? {
        guard let handle = OGR_G_CreateGeometry(type) else { return nil }
        let hasZ = points.contains { $0.z != nil }
        for (index, p) in points.enumerated() {
            if hasZ {
                OGR_G_SetPoint(handle, Int32(index), p.x, p.y, p.z ?? 0)
            } else {
                OGR_G_SetPoint_2D(handle, Int32(index), p.x, p.y)
            }
        }
        return handle
    }

    private static func collection(_ type: OGRwkbGeometryType, _ members: [OGRGeometryH?]) -> OGRGeometryH? {
        guard let handle = OGR_G_CreateGeometry(type) else {
            members.forEach { $0.map(OGR_G_DestroyGeometry) }
            return nil
        }
        for member in members {
            guard let member else { continue }
            if OGR_G_AddGeometryDirectly(handle, member) != OGRERR_NONE { OGR_G_DestroyGeometry(member) }
        }
        return handle
    }
}

/// Spatial predicates through GEOS.
public enum GeometryRelations {
    /// True when the two geometries share at least one point.
    public static func intersects(_ a: Geometry, _ b: Geometry) -> Bool {
        GDALRuntime.ensureRegistered()
        guard let first = OGRGeometryWriter.make(a), let second = OGRGeometryWriter.make(b) else { return false }
        defer {
            OGR_G_DestroyGeometry(first)
            OGR_G_DestroyGeometry(second)
        }
        return OGR_G_Intersects(first, second) != 0
    }

    /// The union of `polygons` (each exterior ring first, then holes) through GEOS, each repaired first when
    /// invalid; nil when GEOS gives nothing polygonal. Meant for the few dozen surfaces of one building.
    public static func union(_ polygons: [[[Position]]]) -> Geometry? {
        GDALRuntime.ensureRegistered()
        var union: OGRGeometryH?
        defer { union.map(OGR_G_DestroyGeometry) }
        for rings in polygons {
            guard var part = OGRGeometryWriter.make(.polygon(rings)) else { continue }
            if OGR_G_IsValid(part) == 0 {
                let repaired = OGR_G_MakeValid(part)
                OGR_G_DestroyGeometry(part)
                guard let repaired else { continue }
                part = repaired
            }
            guard let current = union else {
                union = part
                continue
            }
            let merged = OGR_G_Union(current, part)
            OGR_G_DestroyGeometry(part)
            guard let merged else { continue }
            OGR_G_DestroyGeometry(current)
            union = merged
        }
        guard let union else { return nil }
        guard let result = (try? OGRGeometryReader.read(union)) ?? nil else { return nil }
        switch result {
        case .polygon, .multiPolygon: return result
        case .geometryCollection(let members):
            let parts = members.flatMap { member -> [[[Position]]] in
                switch member {
                case .polygon(let rings): [rings]
                case .multiPolygon(let list): list
                default: []
                }
            }
            return parts.isEmpty ? nil : parts.count == 1 ? .polygon(parts[0]) : .multiPolygon(parts)
        default: return nil
        }
    }
}

internal import CGDAL
import CityBundleModel

/// Converts OGR geometries into `Geometry` values, reading coordinates in bulk.
enum OGRGeometryReader {
    struct Failure: Error {
        var message: String
    }

    /// Nesting limit for geometry collections, against hostile input.
    static let maximumDepth = 32

    static func read(_ handle: OGRGeometryH, depth: Int = 0) throws(Failure) -> Geometry? {
        guard depth < maximumDepth else {
            throw Failure(message: "geometry collections nested deeper than \(maximumDepth)")
        }
        if OGR_G_IsEmpty(handle) != 0 { return nil }
        let type = OGR_GT_Flatten(OGR_G_GetGeometryType(handle))
        switch type {
        case wkbPoint:
            return .point(positions(handle).first ?? Position(.nan, .nan))
        case wkbLineString, wkbLinearRing:
            return .lineString(positions(handle))
        case wkbPolygon:
            return .polygon(rings(handle))
        case wkbMultiPoint:
            return .multiPoint(parts(handle).flatMap(positions))
        case wkbMultiLineString:
            return .multiLineString(parts(handle).map(positions))
        case wkbMultiPolygon:
            return .multiPolygon(parts(handle).map(rings))
        case wkbGeometryCollection:
            var members: [Geometry] = []
            for part in parts(handle) {
                if let member = try read(part, depth: depth + 1) { members.append(member) }
            }
            return .geometryCollection(members)
        case wkbCircularString, wkbCompoundCurve, wkbCurvePolygon, wkbMultiCurve, wkbMultiSurface,
            wkbPolyhedralSurface, wkbTIN, wkbTriangle:
            guard let linear = OGR_G_GetLinearGeometry(handle, 0, nil) else {
                throw Failure(message: "cannot approximate \(typeName(type)) with straight segments")
            }
            defer { OGR_G_DestroyGeometry(linear) }
            return try read(linear, depth: depth + 1)
        default:
            throw Failure(message: "unsupported geometry type \(typeName(type))")
        }
    }

    private static func typeName(_ type: OGRwkbGeometryType) -> String {
        String(cString: OGRGeometryTypeToName(type))
    }

    private static func parts(_ handle: OGRGeometryH) -> [OGRGeometryH] {
        (0..<OGR_G_GetGeometryCount(handle)).compactMap { OGR_G_GetGeometryRef(handle, $0) }
    }

    private static func rings(_ handle: OGRGeometryH) -> [[Position]] {
        parts(handle).map(positions)
    }

    /// All points of a simple curve, read with one `OGR_G_GetPoints` call.
    private static func positions(_ handle: OGRGeometryH) -> [Position] {
        let count = Int(OGR_G_GetPointCount(handle))
        guard count > 0 else { return [] }
        let hasZ = OGR_G_Is3D(handle) != 0
        var xs = [Double](repeating: 0, count: count)
        var ys = [Double](repeating: 0, count: count)
        var zs = [Double](repeating: 0, count: hasZ ? count : 0)
        let stride = Int32(MemoryLayout<Double>.stride)
        xs.withUnsafeMutableBytes { x in
            ys.withUnsafeMutableBytes { y in
                zs.withUnsafeMutableBytes { z in
                    _ = OGR_G_GetPoints(
                        handle, x.baseAddress, stride, y.baseAddress, stride, hasZ ? z.baseAddress : nil, stride)
                }
            }
        }
        return (0..<count).map { Position(xs[$0], ys[$0], hasZ ? zs[$0] : nil) }
    }
}

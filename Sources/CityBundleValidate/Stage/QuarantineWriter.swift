import CityBundleExport
import CityBundleModel
import CityBundlePipeline
import Foundation

/// Writes rejected features, with the rules they broke, to a GeoJSON file in the state directory.
/// The file holds data that has not been anonymised, so it is created owner-only (0600) in an
/// owner-only directory, and only when the first feature is rejected.
final class QuarantineWriter {
    let path: String
    private var writer: GeoJSONWriter?
    private var count = 0

    init(path: String) {
        self.path = path
    }

    /// Writes `feature` with the rules it broke and their messages.
    func write(_ feature: Feature, errors: [(rule: String, message: String)]) throws {
        if writer == nil {
            let directory = (path as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            chmod(directory, 0o700)
            writer = GeoJSONWriter(path: path, format: .featureCollection, name: "quarantine", permissions: 0o600)
        }
        var record = feature
        var properties = feature.properties.entries
        let finite =
            feature.geometry.map { geometry in
                var ok = true
                geometry.forEachPosition { ok = ok && $0.isFinite }
                return ok
            } ?? true
        if !finite, let geometry = feature.geometry {
            // GeoJSON cannot hold NaN or infinity: keep the geometry as WKT instead.
            properties.append(Property("cb:wkt", .string(WKT.text(geometry))))
            record.geometry = nil
        }
        properties += [
            Property("cb:rule", .string(errors.map(\.rule).joined(separator: ","))),
            Property("cb:message", .string(errors.map(\.message).joined(separator: "; "))),
            Property("cb:file", .string(feature.location.file)),
            Property("cb:layer", feature.location.layer.map(Value.string) ?? .null),
            Property("cb:index", feature.location.feature.map(Value.int) ?? .null),
        ]
        record.properties = Properties(properties)
        try writer?.write(record)
        count += 1
    }

    func finish() throws {
        _ = try writer?.finish()
        writer = nil
    }
}

/// Well-known text for any geometry, including non-finite coordinates (`nan`, `inf`).
enum WKT {
    static func text(_ geometry: Geometry) -> String {
        func position(_ p: Position) -> String {
            [p.x, p.y].map { "\($0)" }.joined(separator: " ") + (p.z.map { " \($0)" } ?? "")
        }
        func list(_ points: [Position]) -> String { "(" + points.map(position).joined(separator: ", ") + ")" }
        func rings(_ rings: [[Position]]) -> String { "(" + rings.map(list).joined(separator: ", ") + ")" }
        switch geometry {
        case .point(let p): return "POINT (\(position(p)))"
        case .multiPoint(let points): return "MULTIPOINT \(list(points))"
        case .lineString(let points): return "LINESTRING \(list(points))"
        case .multiLineString(let lines): return "MULTILINESTRING \(rings(lines))"
        case .polygon(let polygon): return "POLYGON \(rings(polygon))"
        case .multiPolygon(let polygons): return "MULTIPOLYGON (" + polygons.map(rings).joined(separator: ", ") + ")"
        case .geometryCollection(let members):
            return "GEOMETRYCOLLECTION (" + members.map(text).joined(separator: ", ") + ")"
        }
    }
}

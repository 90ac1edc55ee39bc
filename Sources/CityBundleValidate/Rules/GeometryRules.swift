import CityBundleModel
import CityBundlePipeline
import Foundation
import GDALKit

/// Presence, type, validity (GEOS) and size of a feature's geometry.
struct GeometryRules {
    let book: RuleBook

    /// Checks presence, emptiness and type; `rejected` is true when the feature must go to quarantine.
    func check(_ geometry: Geometry?, into findings: inout [Finding]) -> (geometry: Geometry?, rejected: Bool) {
        guard let geometry else {
            let rejected = FindingPolicy.add(
                .geometryNull, "the feature has no geometry", book: book, to: &findings)
            return (nil, rejected)
        }
        if geometry.isEmpty {
            let rejected = FindingPolicy.add(.geometryEmpty, "the geometry is empty", book: book, to: &findings)
            return (geometry, rejected)
        }
        if let allowed = book.allowedGeometryTypes, !allowed.contains(geometry.typeName) {
            let rejected = FindingPolicy.add(
                .geometryType, "\(geometry.typeName) is not allowed for \(book.kind.rawValue) features",
                hint: "allowed: \(allowed.sorted().joined(separator: ", "))", book: book, to: &findings)
            if rejected { return (geometry, true) }
        }
        return (geometry, false)
    }

    /// GEOS validity (with MakeValid under `fix`) and minimum size, on a geometry whose rings
    /// have been checked.
    func checkValidity(_ geometry: Geometry, into findings: inout [Finding]) -> (geometry: Geometry, rejected: Bool) {
        var current = geometry
        if hasArea(geometry), book.policy(.geometryInvalid) != .off,
            let problem = GeometryValidity.problem(in: geometry)
        {
            if book.policy(.geometryInvalid) == .fix, let repaired = GeometryValidity.repaired(geometry),
                GeometryValidity.problem(in: repaired) == nil, !repaired.isEmpty
            {
                findings.append(
                    Finding(rule: .geometryInvalid, severity: .fixed, message: "\(problem); repaired with MakeValid"))
                current = repaired
            } else if FindingPolicy.add(.geometryInvalid, problem, book: book, to: &findings) {
                return (geometry, true)
            }
        }
        if let minimum = book.minimum(.geometryMinSize), minimum > 0, let size = Measure.size(of: current),
            size.value < minimum
        {
            let what = size.unit == "m²" ? "area" : "length"
            let rejected = FindingPolicy.add(
                .geometryMinSize,
                "the \(what) is \(Measure.rounded(size.value)) \(size.unit), below \(minimum) \(size.unit)",
                book: book, to: &findings)
            if rejected { return (current, true) }
        }
        return (current, false)
    }

    private func hasArea(_ geometry: Geometry) -> Bool {
        switch geometry {
        case .polygon, .multiPolygon: true
        case .geometryCollection(let members): members.contains(where: hasArea)
        default: false
        }
    }
}

/// Approximate sizes of lon/lat geometries in metres (equirectangular at the feature's latitude,
/// good to well under 1% for building-sized features).
enum Measure {
    static let metresPerDegree = Double.pi / 180 * 6_371_008.8

    /// Area in m² for areal geometries, length in m for lines; nil for points.
    static func size(of geometry: Geometry) -> (value: Double, unit: String)? {
        guard let bounds = geometry.bounds else { return nil }
        let scaleX = metresPerDegree * cos((bounds.minY + bounds.maxY) / 2 * .pi / 180)
        let scaleY = metresPerDegree
        switch geometry {
        case .polygon(let rings):
            return (polygonArea(rings) * scaleX * scaleY, "m²")
        case .multiPolygon(let polygons):
            return (polygons.reduce(0) { $0 + polygonArea($1) } * scaleX * scaleY, "m²")
        case .lineString(let line):
            return (length(line, scaleX, scaleY), "m")
        case .multiLineString(let lines):
            return (lines.reduce(0) { $0 + length($1, scaleX, scaleY) }, "m")
        default:
            return nil
        }
    }

    private static func polygonArea(_ rings: [[Position]]) -> Double {
        guard let exterior = rings.first else { return 0 }
        return abs(RingGeometry.signedArea(exterior))
            - rings.dropFirst().reduce(0) { $0 + abs(RingGeometry.signedArea($1)) }
    }

    private static func length(_ line: [Position], _ scaleX: Double, _ scaleY: Double) -> Double {
        zip(line, line.dropFirst()).reduce(0) { sum, pair in
            sum + hypot((pair.1.x - pair.0.x) * scaleX, (pair.1.y - pair.0.y) * scaleY)
        }
    }

    static func rounded(_ value: Double) -> String {
        String((value * 100).rounded() / 100)
    }
}

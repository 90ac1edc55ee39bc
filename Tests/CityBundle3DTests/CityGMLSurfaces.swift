import CityBundle3D
import CityBundleModel
import CityGMLKit
import Foundation

/// CityGML fixtures as typed surfaces (through CityGMLKit's reader, in WGS 84) and, independently, as the polygons
/// written in the file (parsed from its text, source coordinates).
enum CityGMLSurfaces {
    /// The citygml4j LoD2 house: a 6 × 12 × 6 m box with a 3 m gable roof, local metres without srsName.
    static let house = TestPaths.fixture("citygml/citygml4j_LOD2_Building_v100.gml")
    /// The same kind of house in ETRS89 / UTM 32N + DHHN2016 heights: 10 × 5 × 3 m with a 2 m gable.
    static let georeferencedHouse = TestPaths.fixture("citygml/citygml4j_lod2_test_ade_v2.gml")

    /// A transverse Mercator centred on `SampleTiles.frame`'s origin, declared for the house: its metres land on
    /// the frame's tangent plane with negligible distortion (scale 1 + 2e-12 at 15 m), so local ENU coordinates
    /// equal the source coordinates to about 2e-5 m (ellipsoid normals spread by h / R with height h, and the
    /// ellipsoid falls d² / 2R below the tangent plane at distance d).
    static let tangentCRS =
        "+proj=tmerc +lat_0=\(SampleTiles.yellowCrane.lat) +lon_0=\(SampleTiles.yellowCrane.lon) +k=1 +x_0=0 +y_0=0 "
        + "+datum=WGS84 +units=m +no_defs +type=crs"

    /// The polygons of the file's only building at its highest LoD, in WGS 84, typed by CityGML label.
    static func typedSurfaces(_ path: String, declaredCRS: String? = nil) throws -> [TypedSurface] {
        let reader = try CityGMLReader(path: path, declaredCRS: declaredCRS, output: .wgs84)
        guard let building = try reader.next(), let lod = building.lod else { return [] }
        return building.surfaces.filter { $0.lod == lod }.map {
            TypedSurface(kind: SurfaceKind(label: $0.type.label), rings: $0.rings)
        }
    }

    /// One polygon as written: the lower-case thematic type (`roof`, `wall`, `ground`) and its exterior ring with
    /// consecutive repeats and the closing point removed.
    struct SourcePolygon {
        let kind: String
        let ring: [SIMD3<Double>]

        /// Undirected edges, as sorted pairs of their ends' descriptions.
        var edges: Set<[String]> {
            Set(ring.indices.map { i in ["\(ring[i])", "\(ring[(i + 1) % ring.count])"].sorted() })
        }
    }

    /// The polygons of the file's `bldg:boundedBy` surfaces, from its text, in document order (one exterior
    /// posList each).
    static func sourcePolygons(_ path: String) throws -> [SourcePolygon] {
        let text = try String(contentsOfFile: path, encoding: .isoLatin1)
        // Also ADE subclasses such as test:IndustrialBuildingRoofSurface.
        let kindPattern = try Regex(#"<\w+:\w*?(Roof|Wall|Ground|Closure)Surface\b"#)
        let posListPattern = try Regex(#"<gml:posList[^>]*>([^<]+)</gml:posList>"#)
        var polygons: [SourcePolygon] = []
        for part in text.components(separatedBy: "<bldg:boundedBy>").dropFirst() {
            let chunk = part.components(separatedBy: "</bldg:boundedBy>")[0]
            guard let kind = chunk.firstMatch(of: kindPattern)?.output[1].substring else { continue }
            for match in chunk.matches(of: posListPattern) {
                guard let list = match.output[1].substring else { continue }
                let values = list.split(whereSeparator: \.isWhitespace).compactMap { Double($0) }
                var ring: [SIMD3<Double>] = []
                for k in stride(from: 0, to: values.count - 2, by: 3) {
                    let p = SIMD3(values[k], values[k + 1], values[k + 2])
                    if ring.last != p { ring.append(p) }
                }
                while ring.count > 1, ring.first == ring.last { ring.removeLast() }
                polygons.append(SourcePolygon(kind: kind.lowercased(), ring: ring))
            }
        }
        return polygons
    }

    /// Newell's area of a planar ring.
    static func area(_ ring: [SIMD3<Double>]) -> Double {
        var n = SIMD3<Double>()
        for i in ring.indices { n += MeshChecks.cross(ring[i], ring[(i + 1) % ring.count]) }
        return (n * n).sum().squareRoot() / 2
    }

    /// The signed volume enclosed by consistently oriented rings: Σ over fan triangles of p0 · (p1 × p2) / 6,
    /// about the first vertex (large projected coordinates would cancel badly otherwise).
    static func volume(_ rings: [[SIMD3<Double>]]) -> Double {
        guard let origin = rings.first?.first else { return 0 }
        var total = 0.0
        for ring in rings where ring.count >= 3 {
            let p0 = ring[0] - origin
            for i in 1..<(ring.count - 1) {
                total += (p0 * MeshChecks.cross(ring[i] - origin, ring[i + 1] - origin)).sum()
            }
        }
        return total / 6
    }
}

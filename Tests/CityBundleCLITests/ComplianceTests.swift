import CityBundleGeodesy
import CityBundleTesting
import Foundation
import Testing

/// Public-map compliance: restricted zones, content public maps must not show, the published
/// coordinate system, and the compliance metadata carried into the bundle.
@Suite("Public-map compliance")
struct ComplianceTests {
    /// A rectangle around 黄鹤楼 and 蛇山 (a stand-in for a restricted area).
    static let zone = (west: 114.29, south: 30.53, east: 114.31, north: 30.56)

    /// Keeps the run's directories alive for the test.
    let directory = TemporaryDirectory()

    func publish(crs: String, zoneAction: String) throws -> (version: String, state: String, input: [[String: Any]]) {
        let zones = directory.file("zones.geojson")
        let z = Self.zone
        try """
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon",
        "coordinates":[[[\(z.west),\(z.south)],[\(z.east),\(z.south)],[\(z.east),\(z.north)],[\(z.west),\(z.north)],[\(z.west),\(z.south)]]]}}]}
        """.write(toFile: zones, atomically: true, encoding: .utf8)
        let pipeline = directory.file("compliance.yaml")
        try """
        pipeline: compliance
        title: Compliance
        sources:
          - id: sites
            path: \(Fixtures.dataset("wuhan/scenic_sites.geojson"))
            kind: scenic_site
            fields: {id: qid, name: name}
            anonymise:
              restricted_zones: {path: zones.geojson, action: \(zoneAction)}
              forbidden: {field: name, values: [武汉长江大桥]}
        outputs:
          geojson: {}
          crs: \(crs)
        publish:
          rights: {owner: T, contact: t@example.org, terms: test, licence: CC0-1.0}
          map_review_number: 鄂S(2026)001号
        """.write(toFile: pipeline, atomically: true, encoding: .utf8)
        let result = try ExternalCommand.citybundle([
            "run", pipeline, "--output", directory.file("public"), "--state", directory.file("state"), "-q",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let input =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: Fixtures.dataset("wuhan/scenic_sites.geojson"))))
            as? [String: Any]
        return (
            try Fixtures.latestVersionDirectory(root: directory.file("public"), bundle: "compliance"),
            directory.file("state"), input?["features"] as? [[String: Any]] ?? []
        )
    }

    func features(_ path: String) throws -> [[String: Any]] {
        let collection =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
        return collection?["features"] as? [[String: Any]] ?? []
    }

    func point(_ feature: [String: Any]) -> (Double, Double) {
        let coordinates = (feature["geometry"] as? [String: Any])?["coordinates"] as? [Double] ?? [0, 0]
        return (coordinates[0], coordinates[1])
    }

    @Test("features in a restricted zone and forbidden content are dropped, and the counts reconcile")
    func dropped() throws {
        let (version, state, input) = try publish(crs: "wgs84", zoneAction: "drop")
        let inside = input.filter { feature in
            let (x, y) = point(feature)
            return x >= Self.zone.west && x <= Self.zone.east && y >= Self.zone.south && y <= Self.zone.north
        }
        #expect(!inside.isEmpty)
        let published = try features("\(version)/sites.geojson")
        let ids = Set(published.compactMap { $0["id"] as? String })
        #expect(published.count == input.count - inside.count - 1)
        for feature in inside {
            #expect(!ids.contains((feature["properties"] as? [String: Any])?["qid"] as? String ?? ""))
        }
        #expect(!ids.contains("Q8039097"))  // 武汉长江大桥
        let report = try String(contentsOfFile: "\(state)/compliance/reports/anonymisation.md", encoding: .utf8)
        #expect(report.contains("\(inside.count) feature(s) removed: inside a restricted zone"))
        #expect(report.contains("1 feature(s) removed: content public maps must not show (name)"))
    }

    @Test("generalised zones keep the feature on a 1 km grid")
    func generalised() throws {
        let (version, _, input) = try publish(crs: "wgs84", zoneAction: "generalise")
        let published = try features("\(version)/sites.geojson")
        #expect(published.count == input.count - 1)
        let crane = try #require(published.first { $0["id"] as? String == "Q462372" })
        let (x, y) = point(crane)
        let original = try #require(
            input.first { ($0["properties"] as? [String: Any])?["qid"] as? String == "Q462372" })
        let (x0, y0) = point(original)
        let moved = Geodesic.distanceMetres(LonLat(x, y), LonLat(x0, y0))
        #expect(moved > 1 && moved <= 1000 * 2.0.squareRoot() / 2 + 1)
    }

    @Test("GCJ-02 publication shifts coordinates and says so in the metadata, with the map review number")
    func gcj02() throws {
        let (version, _, input) = try publish(crs: "gcj02", zoneAction: "drop")
        let published = try features("\(version)/sites.geojson")
        let university = try #require(published.first { $0["id"] as? String == "Q1108197" })  // 武汉大学
        let original = try #require(
            input.first { ($0["properties"] as? [String: Any])?["qid"] as? String == "Q1108197" })
        let (x0, y0) = point(original)
        let expected = GCJ02.fromWGS84(LonLat(x0, y0))
        let (x, y) = point(university)
        #expect(abs(x - expected.lon) < 1e-6 && abs(y - expected.lat) < 1e-6)
        let provenance =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: "\(version)/provenance.json"))) as? [String: Any]
        let compliance = try #require((provenance?["pipeline"] as? [String: Any])?["compliance"] as? [String: Any])
        #expect(compliance["publishedCRS"] as? String == "GCJ-02")
        #expect(compliance["geojsonIsRFC7946"] as? Bool == false)
        #expect(compliance["mapReviewNumber"] as? String == "鄂S(2026)001号")
        #expect((compliance["rulesApplied"] as? [String])?.contains("keep") == true)
    }
}

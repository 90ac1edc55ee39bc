import CityBundleTesting
import Foundation
import Testing

@Suite("citybundle inspect")
struct InspectCommandTests {
    @Test("--json reports layers, CRS, count, fields, encoding and the WGS 84 extent")
    func districts() throws {
        let result = try ExternalCommand.citybundle([
            "inspect", Fixtures.dataset("wuhan/wuhan_districts.shp"), "--from-crs", "GCJ-02", "--json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let layers = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(layers.count == 1)
        let layer = layers[0]
        #expect(layer["featureCount"] as? Int == 13)
        #expect(layer["driver"] as? String == "ESRI Shapefile")
        #expect(layer["crs"] == nil)
        #expect(layer["declaredCRS"] as? String == "GCJ-02")
        let fields = try #require(layer["fields"] as? [[String: String]])
        #expect(fields.contains { $0["name"] == "adcode" && $0["type"] == "string" })
        let extent = try #require(layer["extentWGS84"] as? [Double])
        #expect(extent.count == 4)
        #expect(extent[0] > 113.6 && extent[0] < 113.71 && extent[3] > 31.3 && extent[3] < 31.37)
        #expect((layer["encoding"] as? String)?.contains("UTF-8") == true)
    }

    @Test("text output lists every OSM layer")
    func osmLayers() throws {
        let result = try ExternalCommand.citybundle(["inspect", Fixtures.shared("osm/osm2ch_sample.osm.pbf")])
        #expect(result.status == 0, "\(result.stderr)")
        for layer in ["points", "lines", "multilinestrings", "multipolygons", "other_relations"] {
            #expect(result.stdout.contains("[\(layer)]"))
        }
    }
}

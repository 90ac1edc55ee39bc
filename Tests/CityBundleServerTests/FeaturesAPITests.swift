import CityBundleModel
import CityBundleTesting
import Foundation
import Testing

@testable import CityBundleServer

/// OGC API - Features at `/features`, read by GDAL's OAPIF driver (`ogrinfo`) and by curl.
@Suite("OGC API - Features")
struct FeaturesAPITests {
    let tree: WuhanTree

    init() throws {
        tree = try WuhanTree()
    }

    /// The `Feature Count` ogrinfo prints for `source` (and `layer`) with `-spat`.
    private func count(_ source: String, _ layer: String?, spat: [Double]) async throws -> Int? {
        var arguments = ["-ro", "-al", "-so", source]
        if let layer { arguments.append(layer) }
        arguments += ["-spat"] + spat.map { "\($0)" }
        let result = try await Tools.run("ogrinfo", arguments)
        let line = result.stdout.split(separator: "\n").first { $0.hasPrefix("Feature Count:") }
        return line.flatMap { Int($0.split(separator: " ").last ?? "") }
    }

    @Test("ogrinfo OAPIF: lists the layers and -spat counts what GDAL counts in the file itself")
    func gdalClient() async throws {
        try await TestServer.with(root: tree.root) { server in
            let listing = try await Tools.run("ogrinfo", ["-ro", "-so", "OAPIF:\(server.url("/features"))"])
            #expect(listing.status == 0, "\(listing.stderr)")
            for layer in ["wuhan.scenic_sites", "wuhan.hanyang_buildings", "wuhan.optics_valley_buildings"] {
                #expect(listing.stdout.contains(layer))
            }
            #expect(!listing.stderr.contains("ERROR"))
            let windows: [[Double]] = [
                [114.39, 30.505, 114.40, 30.51], [114.0, 30.4, 114.3, 30.6], [114.2, 30.5, 114.25, 30.52],
            ]
            for layer in ["scenic_sites", "hanyang_buildings", "optics_valley_buildings"] {
                for window in windows {
                    let served = try await count("OAPIF:\(server.url("/features"))", "wuhan.\(layer)", spat: window)
                    let local = try await count("\(tree.versionDirectory())/\(layer).geojson", nil, spat: window)
                    #expect(
                        served != nil && served == local,
                        "\(layer) \(window): served \(served ?? -1), file \(local ?? -1)")
                }
            }
            // The Optics Valley window holds 45 buildings and points of the real sample.
            let optics = try await count(
                "OAPIF:\(server.url("/features"))", "wuhan.optics_valley_buildings",
                spat: [114.39, 30.505, 114.40, 30.51])
            #expect((optics ?? 0) > 10)
        }
    }

    @Test("bbox is answered from the FlatGeobuf spatial index when the layer has one")
    func flatGeobufFirst() throws {
        let published = try PublishedTree(root: tree.root)
        #expect(published.featureLayer("wuhan.scenic_sites")?.dataPath.hasSuffix("/scenic_sites.fgb") == true)
        #expect(published.featureLayer("wuhan.hanyang_buildings")?.dataPath.hasSuffix(".fgb") == true)
        #expect(published.featureLayer("wuhan.optics_valley_buildings")?.dataPath.hasSuffix(".geojson") == true)
        #expect(published.featureLayer("wuhan.nope") == nil)
        let reader = FeatureReader(path: try #require(published.featureLayer("wuhan.scenic_sites")).dataPath)
        let page = try reader.page(bbox: BoundingBoxes.yellowCraneTower, offset: 0, limit: 10)
        #expect(page.matched == 1)
        #expect(page.features.first?.contains("\"id\":\"Q462372\"") == true)
    }

    @Test("Items: numberMatched, numberReturned, limit, offset paging, bbox, one feature by id")
    func items() async throws {
        try await TestServer.with(root: tree.root) { server in
            let landing = try await Tools.json(server.url("/features"))
            let rels = Set(((landing["links"] as? [[String: Any]]) ?? []).compactMap { $0["rel"] as? String })
            #expect(rels.isSuperset(of: ["self", "conformance", "data", "service-desc"]))
            let conformance = try await Tools.json(server.url("/features/conformance"))
            #expect(
                (conformance["conformsTo"] as? [String])?.contains(
                    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson") == true)
            let collection = try await Tools.json(server.url("/features/collections/wuhan.scenic_sites"))
            #expect(collection["id"] as? String == "wuhan.scenic_sites")
            #expect(collection["extent"] != nil)

            let first = try await Tools.curl(server.url("/features/collections/wuhan.scenic_sites/items"))
            #expect(first.header("content-type") == "application/geo+json")
            let page = try #require(try JSONSerialization.jsonObject(with: first.body) as? [String: Any])
            #expect(page["numberMatched"] as? Int == 36)
            #expect(page["numberReturned"] as? Int == 10)
            var seen = Set(((page["features"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String })
            var next =
                ((page["links"] as? [[String: Any]]) ?? []).first { $0["rel"] as? String == "next" }?["href"] as? String
            var pages = 1
            while let url = next, pages < 10 {
                let more = try await Tools.json(url)
                seen.formUnion(((more["features"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String })
                next =
                    ((more["links"] as? [[String: Any]]) ?? []).first { $0["rel"] as? String == "next" }?["href"]
                    as? String
                pages += 1
            }
            #expect(pages == 4)
            #expect(seen.count == 36)

            let tower = try await Tools.json(
                server.url("/features/collections/wuhan.scenic_sites/items?bbox=114.29,30.54,114.30,30.55&limit=5"))
            #expect(tower["numberMatched"] as? Int == 1)
            let feature = try await Tools.json(server.url("/features/collections/wuhan.scenic_sites/items/Q462372"))
            #expect((feature["properties"] as? [String: Any])?["name"] as? String == "黄鹤楼")
            #expect(try await Tools.curl(server.url("/features/collections/wuhan.scenic_sites/items/Q0")).status == 404)

            let capped = try await Tools.json(
                server.url("/features/collections/wuhan.hanyang_buildings/items?limit=50000"))
            #expect(capped["numberReturned"] as? Int == 43)
            #expect(
                try await Tools.curl(server.url("/features/collections/wuhan.scenic_sites/items?limit=0")).status == 400
            )
            #expect(
                try await Tools.curl(server.url("/features/collections/wuhan.scenic_sites/items?bbox=a,b,c,d")).status
                    == 400)
            #expect(try await Tools.curl(server.url("/features/collections/nope.layer/items")).status == 404)
        }
    }
}

enum BoundingBoxes {
    /// Around the Yellow Crane Tower (黄鹤楼, 114.296944 30.546944).
    static let yellowCraneTower = BoundingBox(minX: 114.29, minY: 30.54, maxX: 114.30, maxY: 30.55)
}

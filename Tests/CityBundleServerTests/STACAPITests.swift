import CityBundleTesting
import Foundation
import Testing

/// The STAC API at `/stac`, read by pystac-client (from the validator tools' virtual environment) and by curl.
@Suite("STAC API")
struct STACAPITests {
    let tree: WuhanTree

    init() throws {
        tree = try WuhanTree()
    }

    /// A pystac-client session: open the API, list collections, search with a bbox (POST and GET, paged).
    static let script = """
        import json, sys
        from pystac_client import Client
        client = Client.open(sys.argv[1])
        out = {"title": client.title, "collections": sorted(c.id for c in client.get_collections())}
        collection = client.get_collection("wuhan")
        out["collection_items"] = sorted(i.id for i in collection.get_items())
        out["license"] = collection.license
        bbox = [114.39, 30.505, 114.40, 30.51]
        out["post"] = sorted(i.id for i in client.search(bbox=bbox, max_items=100).items())
        out["get"] = sorted(i.id for i in client.search(bbox=bbox, method="GET", max_items=100).items())
        out["paged"] = sorted(i.id for i in client.search(bbox=[113, 29, 116, 32], limit=1, max_items=100).items())
        out["hanyang"] = sorted(i.id for i in client.search(bbox=[114.23, 30.50, 114.26, 30.54], collections=["wuhan"]).items())
        item = next(client.search(ids=["scenic_sites-2026.11.25"]).items())
        out["assets"] = sorted(a.href for a in item.assets.values())
        print(json.dumps(out))
        """

    @Test("pystac-client opens the API, lists collections and searches with a bbox")
    func pystacClient() async throws {
        let scriptPath = "\(tree.base)/stac_client.py"
        try Data(Self.script.utf8).write(to: URL(fileURLWithPath: scriptPath))
        try await TestServer.with(root: tree.root) { server in
            let result = try await Tools.run(Fixtures.toolsPython, [scriptPath, server.url("/stac")])
            #expect(result.status == 0, "\(result.stderr)")
            let out = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let all = [
                "hanyang_buildings-2026.11.25", "optics_valley_buildings-2026.11.25", "scenic_sites-2026.11.25",
            ]
            #expect(out["collections"] as? [String] == ["wuhan"])
            #expect(out["collection_items"] as? [String] == all)
            #expect(out["license"] as? String == "ODbL-1.0")
            // Optics Valley: the scenic sites and the Optics Valley buildings reach it; Hanyang does not.
            let optics = ["optics_valley_buildings-2026.11.25", "scenic_sites-2026.11.25"]
            #expect(out["post"] as? [String] == optics)
            #expect(out["get"] as? [String] == optics)
            #expect(out["paged"] as? [String] == all)
            #expect(out["hanyang"] as? [String] == ["hanyang_buildings-2026.11.25", "scenic_sites-2026.11.25"])
            let assets = try #require(out["assets"] as? [String])
            #expect(
                assets == [
                    server.url("/wuhan/2026.11.25/scenic_sites.fgb"),
                    server.url("/wuhan/2026.11.25/scenic_sites.geojson"),
                ])
        }
    }

    @Test("Landing page, conformance, collections with absolute links, item paging and errors")
    func documents() async throws {
        try await TestServer.with(root: tree.root) { server in
            let landing = try await Tools.json(server.url("/stac"))
            #expect(landing["type"] as? String == "Catalog")
            let conformsTo = try #require(landing["conformsTo"] as? [String])
            #expect(conformsTo.contains("https://api.stacspec.org/v1.0.0/item-search"))
            let rels = Set(((landing["links"] as? [[String: Any]]) ?? []).compactMap { $0["rel"] as? String })
            #expect(rels.isSuperset(of: ["self", "root", "conformance", "data", "search"]))
            let conformance = try await Tools.json(server.url("/stac/conformance"))
            #expect((conformance["conformsTo"] as? [String])?.contains("https://api.stacspec.org/v1.0.0/core") == true)

            let collection = try await Tools.json(server.url("/stac/collections/wuhan"))
            #expect(collection["type"] as? String == "Collection")
            for link in (collection["links"] as? [[String: Any]]) ?? [] {
                #expect((link["href"] as? String)?.hasPrefix("http") == true)
            }
            let assets = (collection["assets"] as? [String: [String: Any]]) ?? [:]
            #expect(assets["archive"]?["href"] as? String == server.url("/wuhan/2026.11.25/wuhan-2026.11.25.tar.gz"))

            let page = try await Tools.json(server.url("/stac/collections/wuhan/items?limit=2"))
            #expect(page["type"] as? String == "FeatureCollection")
            #expect((page["features"] as? [Any])?.count == 2)
            #expect(page["numberMatched"] as? Int == 3)
            let next = try #require(
                ((page["links"] as? [[String: Any]]) ?? []).first { $0["rel"] as? String == "next" }?["href"] as? String
            )
            let second = try await Tools.json(next)
            #expect((second["features"] as? [Any])?.count == 1)
            #expect(((second["links"] as? [[String: Any]]) ?? []).contains { $0["rel"] as? String == "next" } == false)

            let item = try await Tools.curl(server.url("/stac/collections/wuhan/items/scenic_sites-2026.11.25"))
            #expect(item.status == 200)
            #expect(item.header("content-type") == "application/geo+json")
            #expect(try await Tools.curl(server.url("/stac/collections/nope")).status == 404)
            #expect(try await Tools.curl(server.url("/stac/search?bbox=1,2,3")).status == 400)
            #expect(try await Tools.curl(server.url("/stac/search?limit=0")).status == 400)
            let post = try await Tools.curl(
                server.url("/stac/search"),
                [
                    "-X", "POST", "-H", "Content-Type: application/json", "--data",
                    #"{"bbox":[114.23,30.50,114.26,30.54]}"#,
                ])
            #expect(post.status == 200)
        }
    }
}

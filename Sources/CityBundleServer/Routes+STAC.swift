import CityBundlePublish
import Foundation
import Hummingbird

extension ServerState {
    /// The STAC API subset under `/stac`.
    func addSTACRoutes<Context: RequestContext>(to router: Router<Context>) {
        let geoJSON = "application/geo+json"
        router.get("/stac") { request, _ -> Response in
            let bundles = tree.bundleIDs().map { ($0, tree.latestRecord($0)?.title ?? $0) }
            return try responses.json(STACAPI.landing(bundles: bundles, links: links(request)), request: request)
        }
        router.get("/stac/conformance") { request, _ -> Response in
            try responses.json(
                .object(["conformsTo": .array(STACAPI.conformance.map { .string($0) })]), request: request)
        }
        router.get("/stac/collections") { request, _ -> Response in
            let builder = links(request)
            let collections = tree.bundleIDs().compactMap { collection($0, links: builder) }
            return try responses.json(
                .object([
                    "collections": .array(collections),
                    "links": .array([
                        LinkBuilder.link("self", builder.url("/stac/collections"), type: "application/json"),
                        LinkBuilder.link("root", builder.url("/stac"), type: "application/json"),
                        LinkBuilder.link("parent", builder.url("/stac"), type: "application/json"),
                    ]),
                ]), request: request)
        }
        router.get("/stac/collections/:id") { request, context -> Response in
            let id = try context.parameters.require("id")
            guard let document = collection(id, links: links(request)) else { throw HTTPError(.notFound) }
            return try responses.json(document, request: request)
        }
        router.get("/stac/collections/:id/items") { request, context -> Response in
            let id = try context.parameters.require("id")
            guard tree.versions(id) != nil else { throw HTTPError(.notFound) }
            var search = try ItemSearch(query: request)
            search.collections = [id]
            search.ids = nil
            return try searchResponse(search, path: "/stac/collections/\(id)/items", post: false, request: request)
        }
        router.get("/stac/collections/:id/items/:itemId") { request, context -> Response in
            let id = try context.parameters.require("id")
            let itemID = try context.parameters.require("itemId")
            guard let item = tree.latestItems(id).first(where: { $0.id == itemID }) else {
                throw HTTPError(.notFound)
            }
            return try responses.json(STACAPI.item(item, links: links(request)), request: request, mediaType: geoJSON)
        }
        router.get("/stac/search") { request, _ -> Response in
            try searchResponse(try ItemSearch(query: request), path: "/stac/search", post: false, request: request)
        }
        router.post("/stac/search") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 1 << 20)
            let search = try ItemSearch(body: Data(body.readableBytesView))
            return try searchResponse(search, path: "/stac/search", post: true, request: request)
        }
    }

    private func collection(_ bundle: String, links: LinkBuilder) -> JSONValue? {
        guard case .object(let published)? = tree.json("\(bundle)/collection.json") else { return nil }
        return STACAPI.collection(published, bundle: bundle, links: links)
    }

    /// One page of `search`, with a `next` link (GET, or POST with the body) when more items match.
    private func searchResponse(_ search: ItemSearch, path: String, post: Bool, request: Request) throws -> Response {
        let builder = links(request)
        let matches = search.run(tree)
        let start = min(search.page.offset, matches.count)
        let end = min(start + search.page.limit, matches.count)
        var linkList: [JSONValue] = [LinkBuilder.link("root", builder.url("/stac"), type: "application/json")]
        if !post {
            let pairs = search.queryPairs + (start > 0 ? [("token", String(start))] : [])
            linkList.append(
                LinkBuilder.link("self", builder.url(path + QueryEncoding.query(pairs)), type: "application/geo+json"))
        }
        if end < matches.count {
            if post {
                var body = search.jsonFields
                body["token"] = .string(String(end))
                linkList.append(
                    LinkBuilder.link(
                        "next", builder.url(path), type: "application/geo+json",
                        extra: ["method": "POST", "body": .object(body), "merge": false]))
            } else {
                let pairs = search.queryPairs + [("token", String(end))]
                linkList.append(
                    LinkBuilder.link(
                        "next", builder.url(path + QueryEncoding.query(pairs)), type: "application/geo+json"))
            }
        }
        let document = STACAPI.itemCollection(
            Array(matches[start..<end]), matched: matches.count, limit: search.page.limit, links: linkList,
            builder: builder)
        return try responses.json(document, request: request, mediaType: "application/geo+json")
    }
}

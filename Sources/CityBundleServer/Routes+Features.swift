import CityBundleModel
import CityBundlePublish
import Foundation
import Hummingbird

extension ServerState {
    /// OGC API - Features Part 1 under `/features`.
    func addFeatureRoutes<Context: RequestContext>(to router: Router<Context>) {
        router.get("/features") { request, _ -> Response in
            try responses.json(FeaturesAPI.landing(links: links(request)), request: request)
        }
        router.get("/features/api") { request, _ -> Response in
            try responses.json(
                FeaturesAPI.openAPI(links: links(request)), request: request,
                mediaType: "application/vnd.oai.openapi+json;version=3.0")
        }
        router.get("/features/conformance") { request, _ -> Response in
            try responses.json(
                .object(["conformsTo": .array(FeaturesAPI.conformance.map { .string($0) })]), request: request)
        }
        router.get("/features/collections") { request, _ -> Response in
            let builder = links(request)
            return try responses.json(
                .object([
                    "links": .array([
                        LinkBuilder.link("self", builder.url("/features/collections"), type: "application/json")
                    ]),
                    "collections": .array(tree.featureLayers().map { FeaturesAPI.collection($0, links: builder) }),
                ]), request: request)
        }
        router.get("/features/collections/:cid") { request, context -> Response in
            let layer = try featureLayer(context)
            return try responses.json(FeaturesAPI.collection(layer, links: links(request)), request: request)
        }
        router.get("/features/collections/:cid/items") { request, context -> Response in
            try items(of: try featureLayer(context), request: request)
        }
        router.get("/features/collections/:cid/items/:fid") { request, context -> Response in
            let layer = try featureLayer(context)
            let raw = try context.parameters.require("fid")
            let id = raw.removingPercentEncoding ?? raw
            guard let feature = try FeatureReader(path: layer.dataPath).feature(id: id) else {
                throw HTTPError(.notFound)
            }
            let builder = links(request)
            let path = "/features/collections/\(layer.id)"
            let linkList = [
                LinkBuilder.link("self", builder.url(request.uri.path), type: "application/geo+json"),
                LinkBuilder.link("collection", builder.url(path), type: "application/json"),
            ]
            let text = String(feature.dropLast()) + ",\"links\":" + (try encode(.array(linkList))) + "}"
            return try responses.text(text, mediaType: "application/geo+json", request: request)
        }
    }

    private func featureLayer(_ context: some RequestContext) throws -> FeatureLayer {
        let id = try context.parameters.require("cid")
        guard let layer = tree.featureLayer(id) else { throw HTTPError(.notFound) }
        return layer
    }

    /// A page of features as a FeatureCollection with `numberMatched`, `numberReturned` and `next`.
    private func items(of layer: FeatureLayer, request: Request) throws -> Response {
        let page = try QueryParameters(query: request)
        let result = try FeatureReader(path: layer.dataPath).page(
            bbox: page.bbox, offset: page.offset, limit: page.limit)
        let builder = links(request)
        let path = "/features/collections/\(layer.id)/items"
        var pairs: [(String, String)] = [("limit", String(page.limit))]
        if let bbox = page.bbox { pairs.append(("bbox", bbox.asArray.map { "\($0)" }.joined(separator: ","))) }
        var linkList: [JSONValue] = [
            LinkBuilder.link(
                "self", builder.url(path + QueryEncoding.query(pairs + [("offset", String(page.offset))])),
                type: "application/geo+json"),
            LinkBuilder.link("collection", builder.url("/features/collections/\(layer.id)"), type: "application/json"),
        ]
        let next = page.offset + result.features.count
        if !result.features.isEmpty, next < result.matched {
            linkList.append(
                LinkBuilder.link(
                    "next", builder.url(path + QueryEncoding.query(pairs + [("offset", String(next))])),
                    type: "application/geo+json"))
        }
        var text = "{\"type\":\"FeatureCollection\",\"numberMatched\":\(result.matched),"
        text += "\"numberReturned\":\(result.features.count),"
        text += "\"timeStamp\":\(GeoJSONText.string(Timestamp.string(Date()))),"
        text += "\"links\":" + (try encode(.array(linkList))) + ",\"features\":[\n"
        text += result.features.joined(separator: ",\n") + "\n]}\n"
        return try responses.text(text, mediaType: "application/geo+json", request: request)
    }

    private func encode(_ value: JSONValue) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

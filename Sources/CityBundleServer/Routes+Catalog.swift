import CityBundlePublish
import Hummingbird

extension ServerState {
    /// `/` (HTML, or JSON with `?f=json`), `/healthz`, `/metrics` and the `latest` redirects.
    func addCatalogRoutes<Context: RequestContext>(to router: Router<Context>) {
        router.get("/") { request, _ -> Response in
            let entries = CatalogPage.entries(tree)
            if request.uri.queryParameters["f"] == "json" || prefersJSON(request) {
                return try responses.json(CatalogPage.json(entries, links: links(request)), request: request)
            }
            return try responses.text(
                CatalogPage.html(entries), mediaType: "text/html; charset=utf-8", request: request)
        }
        router.get("/healthz") { request, _ -> Response in
            try responses.text("ok\n", mediaType: "text/plain; charset=utf-8", request: request)
        }
        router.get("/metrics") { request, _ -> Response in
            try responses.text(
                metrics.prometheusText(), mediaType: "text/plain; version=0.0.4; charset=utf-8", request: request)
        }
        router.get("/bundles/:id/latest") { request, context -> Response in
            try latestRedirect(request, context: context, rest: [])
        }
        router.get("/bundles/:id/latest/**") { request, context -> Response in
            try latestRedirect(request, context: context, rest: context.parameters.getCatchAll().map(String.init))
        }
    }

    /// 302 from `/bundles/{id}/latest/{path…}` to `/{id}/{version}/{path…}`, the version `latest.json` names;
    /// without a path, to the bundle's page.
    private func latestRedirect(_ request: Request, context: some RequestContext, rest: [String]) throws -> Response {
        let id = try context.parameters.require("id")
        guard RequestPath.isSafe(id), let record = tree.latestRecord(id) else { throw HTTPError(.notFound) }
        let query = request.uri.query.map { "?\($0)" } ?? ""
        let target = rest.isEmpty ? "/\(id)/" : "/\(id)/\(record.version)/" + rest.joined(separator: "/")
        // The rest keeps its percent-encoding; the file route refuses anything unsafe in it.
        return Response(
            status: .found, headers: [.location: target + query, .cacheControl: "no-cache", .contentLength: "0"])
    }

    private func prefersJSON(_ request: Request) -> Bool {
        guard let accept = request.headers[.accept] else { return false }
        return accept.hasPrefix("application/json") && !accept.contains("text/html")
    }
}

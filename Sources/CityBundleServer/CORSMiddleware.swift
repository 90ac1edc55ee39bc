import Hummingbird

/// Lets any web page read the open data: `Access-Control-Allow-Origin: *` on every response, the validators and
/// range headers exposed to scripts, and OPTIONS preflights answered with 204.
struct OpenCORSMiddleware<Context: RequestContext>: RouterMiddleware {
    static var exposed: String { "ETag, Content-Range, Accept-Ranges, Content-Length, Content-Encoding, Last-Modified" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        if request.method == .options {
            var headers: HTTPFields = [
                .accessControlAllowOrigin: "*",
                .accessControlAllowMethods: "GET, HEAD, POST, OPTIONS",
                .accessControlAllowHeaders: request.headers[.accessControlRequestHeaders]
                    ?? "Accept, Accept-Encoding, Content-Type, If-None-Match, If-Modified-Since, If-Range, Range",
                .accessControlMaxAge: "86400",
                .accessControlExposeHeaders: Self.exposed,
            ]
            headers[.allow] = "GET, HEAD, POST, OPTIONS"
            return Response(status: .noContent, headers: headers)
        }
        do {
            var response = try await next(request, context)
            Self.decorate(&response.headers)
            return response
        } catch let error as any HTTPResponseError {
            var response = try error.response(from: request, context: context)
            Self.decorate(&response.headers)
            return response
        }
    }

    private static func decorate(_ headers: inout HTTPFields) {
        headers[.accessControlAllowOrigin] = "*"
        headers[.accessControlExposeHeaders] = exposed
    }
}

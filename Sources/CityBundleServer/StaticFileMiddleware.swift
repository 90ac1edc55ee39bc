import Foundation
import Hummingbird

/// Serves the files of the published tree for every GET or HEAD that no route answered.
///
/// Paths that try to leave the tree (`..`, encoded dots or slashes, hidden names) are 404, a symlink leading
/// outside is 403, and a folder is served only through its `index.html` (no listings).
struct StaticFileMiddleware<Context: RequestContext>: RouterMiddleware {
    let files: StaticFileResponder

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let notFound: any Error
        do {
            let response = try await next(request, context)
            guard response.status == .notFound else { return response }
            notFound = HTTPError(.notFound)
        } catch let error as any HTTPResponseError where error.status == .notFound {
            notFound = error
        }
        guard request.method == .get || request.method == .head else { throw notFound }
        guard let response = try await files.respond(to: request, context: context) else { throw notFound }
        return response
    }
}

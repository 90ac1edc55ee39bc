public import Hummingbird
import Logging

/// Builds the server for `configuration`: the routes, the middleware, and the application around them.
///
/// Run it with `runService()` (graceful shutdown on SIGTERM and SIGINT) or inside a `ServiceGroup`.
/// - Throws: `ServerError` when the published tree cannot be opened.
public func buildApplication(configuration: ServerConfiguration) throws -> some ApplicationProtocol {
    let state = ServerState(
        tree: try PublishedTree(root: configuration.root), metrics: ServerMetrics(),
        responses: APIResponses(compressionLimit: configuration.compressionLimit), configuration: configuration)
    let router = buildRouter(state)
    return Application(
        router: router,
        configuration: ApplicationConfiguration(
            address: .hostname(configuration.host, port: configuration.port), serverName: "citybundle"),
        onServerRunning: { channel in
            await configuration.onServerRunning(channel.localAddress?.port ?? configuration.port)
        },
        logger: configuration.logger)
}

/// Serves `configuration` until SIGTERM or SIGINT, then finishes the requests in flight and returns.
/// - Throws: `ServerError` (exit status 3) when the tree cannot be opened or the address cannot be bound.
public func runServer(configuration: ServerConfiguration) async throws {
    let app = try buildApplication(configuration: configuration)
    do {
        try await app.runService()
    } catch let error as ServerError {
        throw error
    } catch {
        throw ServerError(path: "\(configuration.host):\(configuration.port)", message: "cannot serve: \(error)")
    }
}

/// The router: access log and metrics, CORS, the API routes, and the published files for everything else.
func buildRouter(_ state: ServerState) -> Router<BasicRequestContext> {
    let router = Router(options: .autoGenerateHeadEndpoints)
    router.add(middleware: AccessLogMiddleware(logger: state.configuration.logger, metrics: state.metrics))
    router.add(middleware: OpenCORSMiddleware())
    router.add(
        middleware: StaticFileMiddleware(
            files: StaticFileResponder(tree: state.tree, compressionLimit: state.configuration.compressionLimit)))
    state.addCatalogRoutes(to: router)
    state.addSTACRoutes(to: router)
    state.addFeatureRoutes(to: router)
    return router
}

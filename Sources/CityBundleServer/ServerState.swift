import Hummingbird
import Logging

/// What every route handler shares: the tree, the metrics, response helpers and the link base.
struct ServerState: Sendable {
    let tree: PublishedTree
    let metrics: ServerMetrics
    let responses: APIResponses
    let configuration: ServerConfiguration

    /// The links base for a request.
    func links(_ request: Request) -> LinkBuilder {
        LinkBuilder(
            request: request, publicBaseURL: configuration.publicBaseURL,
            fallbackHost: "\(configuration.host):\(configuration.port)")
    }
}

import ArgumentParser
import CityBundleServer
import Foundation
import Logging

extension CityBundleCommand {
    /// `citybundle serve`: the published tree over HTTP, with a STAC API, OGC API - Features and a catalog page.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve a published tree over HTTP: files, STAC API, OGC API - Features and an HTML catalog.",
            discussion: """
                Files get strong ETags (the signed manifest's SHA-256), Last-Modified, 304 answers, single byte \
                ranges (206/416), CORS and gzip for JSON. Routes: / (catalog; ?f=json), /<bundle>/ (its page), \
                /bundles/<bundle>/latest/<path> (302 to the latest version), /stac (STAC API: collections, items, \
                search), /features (OGC API - Features: one collection per layer, bbox answered from the layer's \
                FlatGeobuf index), /healthz, /metrics (Prometheus). One access-log line per request on standard \
                error. SIGTERM or SIGINT stops accepting connections and finishes the requests in flight.
                Exit codes: 0 stopped, 2 usage, 3 the tree cannot be opened or the port cannot be bound.
                Examples:
                  citybundle serve ./public
                  citybundle serve ./public --host 0.0.0.0 --port 8080 --public-url https://data.example.org
                """)

        @Argument(help: "The publish root (holding catalog.json and keys.json).")
        var root: String

        @Option(help: "The address to listen on.")
        var host = "127.0.0.1"

        @Option(help: "The port to listen on (0: any free port, printed at start).")
        var port = 8080

        @Option(help: "The URL clients use to reach the server, for absolute links (default: from the Host header).")
        var publicURL: String?

        @OptionGroup var logging: LoggingOptions

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        }

        func run() async throws {
            let logger = logging.makeLogger()
            let host = self.host
            let root = self.root
            let configuration = ServerConfiguration(
                root: root, host: host, port: port, publicBaseURL: publicURL, logger: logger,
                onServerRunning: { port in
                    logger.notice(
                        "serving", metadata: ["root": .string(root), "url": .string("http://\(host):\(port)/")])
                })
            try await runServer(configuration: configuration)
        }
    }
}

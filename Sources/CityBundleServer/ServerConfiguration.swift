public import Logging

/// How `citybundle serve` listens and what it serves.
public struct ServerConfiguration: Sendable {
    /// The published tree (holding `catalog.json` and `keys.json`).
    public var root: String
    /// The address to listen on (`127.0.0.1` by default: put a reverse proxy in front for the world).
    public var host: String
    /// The port; 0 picks a free one (read it in `onServerRunning`).
    public var port: Int
    /// The absolute URL clients reach the server at (`https://data.example.org`), for links in the STAC and
    /// OGC API documents; nil builds them from each request's `Host` header.
    public var publicBaseURL: String?
    /// Where access logs and server events go.
    public var logger: Logger
    /// Called once the server listens, with the bound port.
    public var onServerRunning: @Sendable (Int) async -> Void
    /// JSON and GeoJSON bodies up to this size are gzip-compressed for clients that accept it.
    public var compressionLimit: Int

    /// A configuration serving `root` on `host:port`.
    public init(
        root: String, host: String = "127.0.0.1", port: Int = 8080, publicBaseURL: String? = nil,
        logger: Logger = Logger(label: "citybundle.serve"),
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in },
        compressionLimit: Int = 32 << 20
    ) {
        self.root = root
        self.host = host
        self.port = port
        self.publicBaseURL = publicBaseURL
        self.logger = logger
        self.onServerRunning = onServerRunning
        self.compressionLimit = compressionLimit
    }
}

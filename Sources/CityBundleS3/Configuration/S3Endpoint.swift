import Foundation

/// Where S3 requests go: `http(s)://host[:port]`, without a path.
public struct S3Endpoint: Sendable, Hashable, CustomStringConvertible {
    /// `http` or `https`.
    public let scheme: String
    /// The host name or address (IPv6 in brackets).
    public let host: String
    /// The port when given in the URL.
    public let port: Int?

    /// Parses `url` (`https://s3.eu-west-1.amazonaws.com`, `http://127.0.0.1:9000`); nil unless it is
    /// `http(s)://host[:port]` with at most a `/` as path and no user, query or fragment.
    public init?(_ url: String) {
        guard let components = URLComponents(string: url.trimmingCharacters(in: .whitespaces)),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = components.host, !host.isEmpty,
            components.user == nil, components.password == nil, components.query == nil,
            components.fragment == nil, components.path.isEmpty || components.path == "/"
        else { return nil }
        self.scheme = scheme
        self.host = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        self.port = components.port
    }

    /// `host[:port]`, as sent in the `Host` header.
    public var authority: String { port.map { "\(host):\($0)" } ?? host }

    /// `scheme://host[:port]`.
    public var description: String { "\(scheme)://\(authority)" }

    /// This endpoint with `bucket.` before the host (virtual-hosted addressing).
    func withBucketSubdomain(_ bucket: String) -> S3Endpoint {
        S3Endpoint(scheme: scheme, host: "\(bucket).\(host)", port: port)
    }

    private init(scheme: String, host: String, port: Int?) {
        self.scheme = scheme
        self.host = host
        self.port = port
    }
}

import CityBundlePublish
import Foundation
import Hummingbird

/// Builds the JSON, GeoJSON, HTML and text responses of the API routes, gzip-compressed when the client
/// accepts it and the body is large enough to gain from it.
struct APIResponses: Sendable {
    /// The largest body compressed.
    let compressionLimit: Int

    /// `value` as JSON (sorted keys) with `mediaType`.
    func json(_ value: JSONValue, request: Request, mediaType: String = "application/json") throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try bytes(ByteBuffer(bytes: encoder.encode(value)), mediaType: mediaType, request: request)
    }

    /// UTF-8 text with `mediaType`.
    func text(_ text: String, mediaType: String, request: Request) throws -> Response {
        try bytes(ByteBuffer(string: text), mediaType: mediaType, request: request)
    }

    /// A body with `mediaType`; JSON types are compressed for clients that accept gzip.
    func bytes(_ buffer: ByteBuffer, mediaType: String, request: Request, status: HTTPResponse.Status = .ok) throws
        -> Response
    {
        var headers: HTTPFields = [.contentType: mediaType, .cacheControl: "no-cache"]
        guard MediaTypes.isCompressible(mediaType) else {
            return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: buffer))
        }
        headers[.vary] = "Accept-Encoding"
        if buffer.readableBytes >= 1024, buffer.readableBytes <= compressionLimit, Gzip.isAccepted(by: request) {
            headers[.contentEncoding] = "gzip"
            return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: try Gzip.compress(buffer)))
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: buffer))
    }
}

/// Absolute URLs for links: the configured public base URL, or `http://` and the request's `Host`.
struct LinkBuilder: Sendable {
    /// `scheme://host[:port]`, without a trailing slash.
    let base: String

    /// The base for `request`.
    init(request: Request, publicBaseURL: String?, fallbackHost: String) {
        if let publicBaseURL, !publicBaseURL.isEmpty {
            base = publicBaseURL.hasSuffix("/") ? String(publicBaseURL.dropLast()) : publicBaseURL
            return
        }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]")
        if let authority = request.head.authority, !authority.isEmpty, authority.count <= 255,
            authority.allSatisfy(allowed.contains)
        {
            base = "http://\(authority)"
        } else {
            base = "http://\(fallbackHost)"
        }
    }

    /// The absolute URL of a server path (`/stac/collections`).
    func url(_ path: String) -> String { base + path }

    /// `href` (relative to the server folder `directory`, such as `/wuhan/2026.11.25/items/`) as an absolute URL;
    /// an href that already has a scheme is kept.
    func resolve(_ href: String, relativeTo directory: String) -> String {
        if href.contains("://") { return href }
        guard let baseURL = URL(string: base + directory), let resolved = URL(string: href, relativeTo: baseURL)
        else { return href }
        return resolved.absoluteURL.standardized.absoluteString
    }

    /// A link object.
    static func link(
        _ rel: String, _ href: String, type: String? = nil, title: String? = nil, extra: [String: JSONValue] = [:]
    ) -> JSONValue {
        var object: [String: JSONValue] = ["rel": .string(rel), "href": .string(href)]
        if let type { object["type"] = .string(type) }
        if let title { object["title"] = .string(title) }
        object.merge(extra) { _, new in new }
        return .object(object)
    }
}

/// Percent-encoding of a query value.
enum QueryEncoding {
    /// `value` with everything but unreserved characters and `,` percent-encoded.
    static func encode(_ value: String) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~,")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }

    /// `?k=v&…` from pairs (empty pairs give an empty string).
    static func query(_ pairs: [(String, String)]) -> String {
        pairs.isEmpty ? "" : "?" + pairs.map { "\($0.0)=\(encode($0.1))" }.joined(separator: "&")
    }
}

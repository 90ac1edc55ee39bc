import Foundation
import Hummingbird

/// Answers GET and HEAD for one file of the published tree: strong ETags (the signed manifest's SHA-256),
/// `Last-Modified`, conditional requests (304), single byte ranges (206, or 416), gzip for JSON.
struct StaticFileResponder: Sendable {
    let tree: PublishedTree
    let compressionLimit: Int
    private let fileIO = FileIO()

    init(tree: PublishedTree, compressionLimit: Int) {
        self.tree = tree
        self.compressionLimit = compressionLimit
    }

    /// The response for `request`, or nil when no file answers it (the caller's 404).
    func respond(to request: Request, context: some RequestContext) async throws -> Response? {
        guard let path = RequestPath(request.uri.path) else { throw HTTPError(.notFound) }
        switch tree.resolve(path) {
        case .notFound:
            return nil
        case .forbidden:
            throw HTTPError(.forbidden)
        case .addTrailingSlash:
            let query = request.uri.query.map { "?\($0)" } ?? ""
            return Response(status: .movedPermanently, headers: [.location: request.uri.path + "/" + query])
        case .file(let real, let stamp):
            return try await serve(real, stamp: stamp, request: request, context: context)
        }
    }

    private func serve(_ path: String, stamp: FileStamp, request: Request, context: some RequestContext)
        async throws -> Response
    {
        let mediaType = MediaTypes.forPath(path)
        let compressible = MediaTypes.isCompressible(mediaType)
        let gzip =
            compressible && request.method == .get && request.headers[.range] == nil && Gzip.isAccepted(by: request)
            && stamp.size <= Int64(compressionLimit)
        let digest = try tree.sha256(ofFileAt: path, stamp: stamp)
        let validators = Validators(
            etag: gzip ? "\"\(digest)-gzip\"" : "\"\(digest)\"", lastModified: HTTPDate.format(stamp.modifiedSeconds),
            modifiedSeconds: stamp.modifiedSeconds)
        var headers: HTTPFields = [
            .contentType: mediaType, .eTag: validators.etag, .lastModified: validators.lastModified,
            .acceptRanges: "bytes", .cacheControl: cacheControl(path),
        ]
        if compressible { headers[.vary] = "Accept-Encoding" }
        if validators.notModified(request) {
            return Response(status: .notModified, headers: headers)
        }
        if gzip {
            guard let data = FileManager.default.contents(atPath: path) else { throw HTTPError(.notFound) }
            let compressed = try Gzip.compress(ByteBuffer(bytes: data))
            headers[.contentEncoding] = "gzip"
            headers[.contentLength] = String(compressed.readableBytes)
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: compressed))
        }
        var range = ByteRangeRequest(header: request.headers[.range], length: stamp.size)
        if !validators.rangeApplies(request) || request.method != .get { range = .whole }
        switch range {
        case .unsatisfiable:
            headers[.contentRange] = "bytes */\(stamp.size)"
            headers[.contentLength] = "0"
            return Response(status: .rangeNotSatisfiable, headers: headers)
        case .single(let bytes):
            headers[.contentRange] = "bytes \(bytes.lowerBound)-\(bytes.upperBound)/\(stamp.size)"
            headers[.contentLength] = String(bytes.count)
            let body = try await fileIO.loadFile(
                path: path, range: Int(bytes.lowerBound)...Int(bytes.upperBound), context: context)
            return Response(status: .partialContent, headers: headers, body: body)
        case .whole, .multiple:
            headers[.contentLength] = String(stamp.size)
            if request.method == .head || stamp.size == 0 {
                return Response(status: .ok, headers: headers)
            }
            let body = try await fileIO.loadFile(path: path, context: context)
            return Response(status: .ok, headers: headers, body: body)
        }
    }

    /// Files inside a version folder never change (published versions are immutable); pointers and indexes
    /// (`latest.json`, `versions.json`, the catalog) must be revalidated.
    private func cacheControl(_ path: String) -> String {
        tree.manifestEntry(forRealPath: path) != nil ? "public, max-age=31536000, immutable" : "no-cache"
    }
}

/// A file's validators and the conditional-request rules of RFC 9110 §13.
struct Validators {
    /// The strong entity tag, quoted.
    let etag: String
    /// The `Last-Modified` date.
    let lastModified: String
    /// The modification time in whole seconds.
    let modifiedSeconds: Int

    /// `If-None-Match` (weak comparison; `*` matches), else `If-Modified-Since`: whether to answer 304.
    func notModified(_ request: Request) -> Bool {
        let noneMatch = request.headers[values: .ifNoneMatch]
        if !noneMatch.isEmpty {
            let tags = noneMatch.flatMap { $0.split(separator: ",") }.map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            return tags.contains { $0 == "*" || Self.opaque($0) == Self.opaque(etag) }
        }
        if let since = request.headers[.ifModifiedSince], let date = HTTPDate.parse(since) {
            return modifiedSeconds <= date
        }
        return false
    }

    /// `If-Range`: the range applies only when it names the current representation exactly (strong match, or
    /// the exact `Last-Modified` date).
    func rangeApplies(_ request: Request) -> Bool {
        guard let condition = request.headers[.ifRange]?.trimmingCharacters(in: .whitespaces) else { return true }
        return condition == etag || condition == lastModified
    }

    private static func opaque(_ tag: String) -> String {
        tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag
    }
}

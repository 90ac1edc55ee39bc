import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A publish root served over HTTP(S) by `citybundle serve`, nginx or any static file server.
///
/// Partial downloads continue with `Range: bytes=N-`; a server that answers 200 instead starts the file over.
/// Bodies are never decoded (`Accept-Encoding: identity`), so sizes and checksums are those of the files.
final class HTTPTransport: FetchTransport {
    private let client: HTTPClient
    private let base: String

    /// A transport for the root at `base` (`http://host:port/prefix`).
    init(base: String) {
        self.base = base.hasSuffix("/") ? String(base.dropLast()) : base
        client = HTTPClient(
            eventLoopGroup: HTTPClient.defaultEventLoopGroup,
            configuration: HTTPClient.Configuration(
                redirectConfiguration: .follow(max: 5, allowCycles: false),
                timeout: HTTPClient.Configuration.Timeout(connect: .seconds(10), read: .seconds(60))))
    }

    /// The URL of `path` (each component percent-encoded).
    func url(_ path: String) -> String {
        let allowed = CharacterSet(
            charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        let encoded = path.split(separator: "/").map {
            $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? String($0)
        }
        return base + "/" + encoded.joined(separator: "/")
    }

    func document(_ path: String, maxSize: Int) async throws -> Data? {
        let response = try await get(path, range: nil)
        if response.status == .notFound || response.status == .gone { return nil }
        guard response.status == .ok else {
            throw FetchError.io(
                path: url(path), message: "HTTP \(response.status.code) \(response.status.reasonPhrase)")
        }
        do {
            let body = try await response.body.collect(upTo: maxSize)
            return Data(body.readableBytesView)
        } catch is NIOTooManyBytesError {
            throw FetchError.verification(path: path, message: "larger than \(maxSize) bytes")
        } catch {
            throw FetchError.io(path: url(path), message: "download interrupted: \(error)")
        }
    }

    func download(_ path: String, to part: String, expectedSize: Int64, received: @Sendable (Int) -> Void)
        async throws -> Bool
    {
        let have = fileSize(part) ?? 0
        let response = try await get(path, range: have > 0 ? have : nil)
        let resumed: Bool
        switch response.status {
        case .partialContent:
            guard let range = response.headers.first(name: "content-range"), range.hasPrefix("bytes \(have)-") else {
                throw FetchError.io(path: url(path), message: "the server answered another range than bytes=\(have)-")
            }
            resumed = true
        case .ok:
            resumed = false
        case .notFound:
            throw FetchError.io(path: url(path), message: "HTTP 404: listed in the signed manifest but not served")
        default:
            throw FetchError.io(
                path: url(path), message: "HTTP \(response.status.code) \(response.status.reasonPhrase)")
        }
        var writer = try PartWriter(path: part, remotePath: path, limit: expectedSize, truncate: !resumed)
        do {
            for try await chunk in response.body {
                try writer.append(chunk.readableBytesView)
                received(chunk.readableBytes)
            }
        } catch let error as FetchError {
            try? writer.close()
            throw error
        } catch {
            try? writer.close()
            throw FetchError.io(path: url(path), message: "download interrupted: \(error)")
        }
        try writer.close()
        return resumed
    }

    private func get(_ path: String, range start: Int64?) async throws -> HTTPClientResponse {
        var request = HTTPClientRequest(url: url(path))
        request.headers.add(name: "Accept-Encoding", value: "identity")
        request.headers.add(name: "User-Agent", value: "citybundle-fetch")
        if let start { request.headers.add(name: "Range", value: "bytes=\(start)-") }
        do {
            return try await client.execute(request, timeout: .seconds(300))
        } catch {
            throw FetchError.io(path: url(path), message: "request failed: \(error)")
        }
    }

    func shutdown() async {
        try? await client.shutdown()
    }
}

import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A local HTTP server that answers each request with the next scripted status and body, and records what it
/// received; for testing retries without a real S3.
final class ScriptedHTTPServer: @unchecked Sendable {
    struct Received: Sendable {
        var method: String
        var uri: String
        var headers: [String: String]
        var bodyBytes: Int
    }

    private let lock = NSLock()
    private var script: [(status: Int, body: String)]
    private var log: [Received] = []
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private var channel: (any Channel)?

    /// `http://127.0.0.1:PORT`.
    private(set) var url = ""

    /// Starts a server that answers with `script` in turn (then 200 with an empty body).
    init(script: [(status: Int, body: String)]) throws {
        self.script = script
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(Handler(server: self))
                }
            }
        let channel = try bootstrap.bind(host: "127.0.0.1", port: 0).wait()
        self.channel = channel
        url = "http://127.0.0.1:\(channel.localAddress!.port!)"
    }

    /// Every request received so far.
    var received: [Received] {
        lock.lock()
        defer { lock.unlock() }
        return log
    }

    /// Stops the server.
    func stop() throws {
        try channel?.close().wait()
        try group.syncShutdownGracefully()
    }

    fileprivate func answer(_ request: Received) -> (status: Int, body: String) {
        lock.lock()
        defer { lock.unlock() }
        log.append(request)
        return script.isEmpty ? (200, "") : script.removeFirst()
    }

    private final class Handler: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        let server: ScriptedHTTPServer
        var request: Received?

        init(server: ScriptedHTTPServer) { self.server = server }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                var headers: [String: String] = [:]
                for (name, value) in head.headers { headers[name.lowercased()] = value }
                request = Received(method: head.method.rawValue, uri: head.uri, headers: headers, bodyBytes: 0)
            case .body(let buffer):
                request?.bodyBytes += buffer.readableBytes
            case .end:
                guard let request else { return }
                let (status, body) = server.answer(request)
                var headers = HTTPHeaders()
                headers.add(name: "content-length", value: String(body.utf8.count))
                if !body.isEmpty { headers.add(name: "content-type", value: "application/xml") }
                context.write(
                    wrapOutboundOut(
                        .head(
                            HTTPResponseHead(
                                version: .http1_1, status: HTTPResponseStatus(statusCode: status), headers: headers))),
                    promise: nil)
                if !body.isEmpty && request.method != "HEAD" {
                    context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: body)))), promise: nil)
                }
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
                self.request = nil
            }
        }
    }
}

import Foundation
import Hummingbird
import Logging

/// One structured log line per request, after its body was sent: message `request` with method, path, status,
/// bytes and duration (seconds) as metadata; and the same numbers into the metrics.
struct AccessLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let started = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        } catch {
            logger.error("request failed", metadata: ["path": .string(request.uri.path), "error": "\(error)"])
            response = Response(status: .internalServerError)
        }
        let entry = AccessEntry(
            logger: logger, metrics: metrics, method: request.method.rawValue, path: request.uri.path,
            status: response.status.code, hadRange: request.headers[.range] != nil, started: started)
        let body = response.body
        response.body = ResponseBody(contentLength: body.contentLength) { writer in
            let counter = ByteCounter()
            do {
                try await body.write(CountingWriter(parent: writer, counter: counter))
                entry.finish(bytes: counter.total, error: nil)
            } catch {
                entry.finish(bytes: counter.total, error: error)
                throw error
            }
        }
        return response
    }
}

/// What the access log records of one request.
private struct AccessEntry: Sendable {
    let logger: Logger
    let metrics: ServerMetrics
    let method: String
    let path: String
    let status: Int
    let hadRange: Bool
    let started: ContinuousClock.Instant

    func finish(bytes: Int64, error: (any Error)?) {
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        metrics.record(method: method, status: status, bytes: bytes, hadRange: hadRange)
        var metadata: Logger.Metadata = [
            "method": .string(method), "path": .string(path), "status": .stringConvertible(status),
            "bytes": .stringConvertible(bytes), "duration": .string(String(format: "%.6f", seconds)),
        ]
        if let error { metadata["error"] = .string("\(error)") }
        logger.info("request", metadata: metadata)
    }
}

/// A running byte count shared with the writer that fills it.
private final class ByteCounter: @unchecked Sendable {
    // `value` is only touched under `lock`.
    private let lock = NSLock()
    private var value: Int64 = 0

    func add(_ count: Int) { lock.withLock { value += Int64(count) } }
    var total: Int64 { lock.withLock { value } }
}

/// Passes buffers on and counts their bytes.
private struct CountingWriter: ResponseBodyWriter {
    var parent: any ResponseBodyWriter
    let counter: ByteCounter

    mutating func write(_ buffer: ByteBuffer) async throws {
        counter.add(buffer.readableBytes)
        try await parent.write(buffer)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {
        try await parent.finish(trailingHeaders)
    }
}

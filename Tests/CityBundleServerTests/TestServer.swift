import CityBundleServer
import CityBundleTesting
import Foundation
import Hummingbird
import Logging

/// A `citybundle serve` application running in the test process on 127.0.0.1 with a port the system chose.
final class TestServer: @unchecked Sendable {
    let port: Int
    let logs: LogCapture
    private let task: Task<Void, any Error>

    private init(port: Int, logs: LogCapture, task: Task<Void, any Error>) {
        self.port = port
        self.logs = logs
        self.task = task
    }

    /// Starts serving `root`; returns once the server listens.
    static func start(root: String) async throws -> TestServer {
        let logs = LogCapture()
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let configuration = ServerConfiguration(
            root: root, host: "127.0.0.1", port: 0, logger: logs.logger(),
            onServerRunning: { continuation.yield($0) })
        let app = try buildApplication(configuration: configuration)
        let task = Task {
            defer { continuation.finish() }
            try await app.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            _ = await task.result
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "the server did not start"])
        }
        return TestServer(port: port, logs: logs, task: task)
    }

    /// `http://127.0.0.1:PORT` + `path`.
    func url(_ path: String = "") -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Stops the server and waits for it.
    func stop() async {
        task.cancel()
        _ = await task.result
    }
}

/// Keeps every log record, to check the access log.
final class LogCapture: @unchecked Sendable {
    /// One record.
    struct Record: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: [String: String]
    }

    // `stored` is only touched under `lock`.
    private let lock = NSLock()
    private var stored: [Record] = []

    /// The records so far.
    var records: [Record] { lock.withLock { stored } }

    func append(_ record: Record) { lock.withLock { stored.append(record) } }

    /// The records once `done` holds for them (a request is logged after its body was sent), at most 5 s.
    func records(until done: ([Record]) -> Bool) async -> [Record] {
        for _ in 0..<100 {
            let current = records
            if done(current) { return current }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return records
    }

    /// A logger writing here.
    func logger() -> Logger {
        Logger(label: "citybundle.serve.test") { _ in CaptureHandler(capture: self) }
    }

    private struct CaptureHandler: LogHandler {
        let capture: LogCapture
        var logLevel: Logger.Level = .trace
        var metadata: Logger.Metadata = [:]

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            var merged = metadata
            if let extra = event.metadata { merged.merge(extra) { $1 } }
            capture.append(
                Record(
                    level: event.level, message: "\(event.message)",
                    metadata: merged.mapValues { "\($0)" }))
        }
    }
}

extension TestServer {
    /// Runs `body` with a server on `root`, and stops the server afterwards.
    static func with<T>(root: String, _ body: (TestServer) async throws -> T) async throws -> T {
        let server = try await start(root: root)
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }
}

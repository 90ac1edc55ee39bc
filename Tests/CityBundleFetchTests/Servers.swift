import CityBundleServer
import CityBundleTesting
import Foundation
import Hummingbird
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// `citybundle serve` in the test process, on 127.0.0.1 with a port the system chose.
final class TestServer: @unchecked Sendable {
    let port: Int
    private let task: Task<Void, any Error>

    private init(port: Int, task: Task<Void, any Error>) {
        self.port = port
        self.task = task
    }

    /// Runs `body` with a server on `root`, then stops the server.
    static func with<T>(root: String, _ body: (TestServer) async throws -> T) async throws -> T {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "citybundle.serve.test")
        logger.logLevel = .critical
        let app = try buildApplication(
            configuration: ServerConfiguration(
                root: root, host: "127.0.0.1", port: 0, logger: logger, onServerRunning: { continuation.yield($0) }))
        let task = Task {
            defer { continuation.finish() }
            try await app.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            _ = await task.result
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "the server did not start"])
        }
        let server = TestServer(port: port, task: task)
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    /// `http://127.0.0.1:PORT`.
    var url: String { "http://127.0.0.1:\(port)" }

    private func stop() async {
        task.cancel()
        _ = await task.result
    }

    /// The server's Prometheus samples by series.
    func metrics() async throws -> [String: Int] {
        let result = try await Tools.run("/usr/bin/curl", ["-s", "--max-time", "10", "\(url)/metrics"])
        var values: [String: Int] = [:]
        for line in result.stdout.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let value = Int(parts[1]) { values[String(parts[0])] = value }
        }
        return values
    }
}

/// nginx (Debian's nginx-light) serving a folder on 127.0.0.1, with a generated configuration.
final class NginxServer: @unchecked Sendable {
    static let executable = ["/usr/sbin/nginx", "/usr/bin/nginx"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    let port: Int
    let prefix: String
    private let process: Process

    private init(port: Int, prefix: String, process: Process) {
        self.port = port
        self.prefix = prefix
        self.process = process
    }

    /// Runs `body` with nginx serving `root`, then stops nginx.
    static func with<T>(root: String, scratch: String, _ body: (NginxServer) async throws -> T) async throws -> T {
        guard let executable else { throw CocoaError(.executableNotLoadable) }
        let prefix = "\(scratch)/nginx-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: "\(prefix)/logs", withIntermediateDirectories: true)
        let port = try freePort()
        let configuration = """
            daemon off;
            master_process off;
            worker_processes 1;
            pid \(prefix)/nginx.pid;
            error_log \(prefix)/logs/error.log warn;
            events { worker_connections 64; }
            http {
                access_log \(prefix)/logs/access.log;
                client_body_temp_path \(prefix)/body;
                proxy_temp_path \(prefix)/proxy;
                fastcgi_temp_path \(prefix)/fastcgi;
                uwsgi_temp_path \(prefix)/uwsgi;
                scgi_temp_path \(prefix)/scgi;
                types { application/json json; application/geo+json geojson; application/gzip gz; text/html html; }
                default_type application/octet-stream;
                server {
                    listen 127.0.0.1:\(port);
                    root \(root);
                    location / { }
                }
            }
            """
        try Data(configuration.utf8).write(to: URL(fileURLWithPath: "\(prefix)/nginx.conf"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-p", prefix, "-c", "\(prefix)/nginx.conf"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let server = NginxServer(port: port, prefix: prefix, process: process)
        defer { server.stop() }
        // Wait until it answers (bounded: 50 tries).
        for _ in 0..<50 {
            let probe = try await Tools.run(
                "/usr/bin/curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "\(server.url)/keys.json"], timeout: 5)
            if probe.stdout == "200" { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try await body(server)
    }

    var url: String { "http://127.0.0.1:\(port)" }

    /// The access log lines.
    var accessLog: [String] {
        ((try? String(contentsOfFile: "\(prefix)/logs/access.log", encoding: .utf8)) ?? "").split(separator: "\n")
            .map(String.init)
    }

    /// SIGKILL: processes started from the test runner's threads inherit a mask that blocks SIGTERM.
    private func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// A port that was free a moment ago.
    private static func freePort() throws -> Int {
        let result = try ExternalCommand.run(
            "python3", ["-c", "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])"])
        guard let port = Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw CocoaError(.fileReadUnknown)
        }
        return port
    }
}

/// Programs run off the Swift concurrency threads, bounded in time.
enum Tools {
    static func run(_ executable: String, _ arguments: [String], timeout: Int = 60) async throws -> CommandResult {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                do {
                    continuation.resume(
                        returning: try ExternalCommand.run(
                            "/usr/bin/timeout", ["-s", "KILL", "\(timeout)", executable] + arguments))
                } catch {
                    continuation.resume(throwing: error)
                }
            }.start()
        }
    }
}

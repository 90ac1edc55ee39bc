import CityBundleServer
import Foundation
import Hummingbird
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Health, metrics, access logs, the `latest` redirect and graceful shutdown.
@Suite("Operations")
struct OperationsTests {
    let tree: WuhanTree

    init() throws {
        tree = try WuhanTree()
    }

    @Test("/healthz answers ok; /metrics counts requests by status and bytes sent")
    func healthAndMetrics() async throws {
        try await TestServer.with(root: tree.root) { server in
            let health = try await Tools.curl(server.url("/healthz"))
            #expect(health.status == 200)
            #expect(health.text == "ok\n")
            _ = try await Tools.curl(server.url("/missing"))
            _ = try await Tools.curl(
                server.url("/wuhan/\(WuhanTree.firstVersion)/scenic_sites.geojson"), ["-H", "Range: bytes=0-99"])
            // A request is counted once its body is sent: read until the last one shows (bounded).
            var text = ""
            var values: [String: Int] = [:]
            for _ in 0..<20 {
                let metrics = try await Tools.curl(server.url("/metrics"))
                #expect(metrics.status == 200)
                #expect(metrics.header("content-type")?.hasPrefix("text/plain") == true)
                text = metrics.text
                values = Self.samples(text)
                if values["citybundle_http_requests_total{status=\"206\"}"] == 1 { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(text.contains("# TYPE citybundle_http_requests_total counter"))
            #expect((values["citybundle_http_requests_total{status=\"200\"}"] ?? 0) >= 1)
            #expect(values["citybundle_http_requests_total{status=\"404\"}"] == 1)
            #expect(values["citybundle_http_requests_total{status=\"206\"}"] == 1)
            #expect(values["citybundle_http_range_requests_total"] == 1)
            #expect((values["citybundle_http_response_bytes_total"] ?? 0) >= 103)
        }
    }

    /// Prometheus samples by series.
    static func samples(_ text: String) -> [String: Int] {
        var values: [String: Int] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let value = Int(parts[1]) { values[String(parts[0])] = value }
        }
        return values
    }

    @Test("Each request is logged once as \"request\" with method, path, status, bytes and duration")
    func accessLog() async throws {
        try await TestServer.with(root: tree.root) { server in
            let response = try await Tools.curl(server.url("/wuhan/\(WuhanTree.firstVersion)/manifest.json"))
            #expect(response.status == 200)
            let path = "/wuhan/\(WuhanTree.firstVersion)/manifest.json"
            let records = await server.logs.records { $0.contains { $0.metadata["path"] == path } }
                .filter { $0.message == "request" }
            let record = try #require(
                records.first { $0.metadata["path"] == "/wuhan/\(WuhanTree.firstVersion)/manifest.json" })
            #expect(record.metadata["method"] == "GET")
            #expect(record.metadata["status"] == "200")
            #expect(record.metadata["bytes"] == "\(response.body.count)")
            #expect(Double(record.metadata["duration"] ?? "") != nil)
        }
    }

    @Test("/bundles/{id}/latest/{path} redirects to the version latest.json names")
    func latestRedirect() async throws {
        try tree.publish(version: "2026.11.26")
        try await TestServer.with(root: tree.root) { server in
            let redirect = try await Tools.curl(server.url("/bundles/wuhan/latest/items/scenic_sites.json?x=1"))
            #expect(redirect.status == 302)
            #expect(redirect.header("location") == "/wuhan/2026.11.26/items/scenic_sites.json?x=1")
            let followed = try await Tools.curl(server.url("/bundles/wuhan/latest/scenic_sites.geojson"), ["-L"])
            #expect(followed.status == 200)
            let unknown = try await Tools.curl(server.url("/bundles/nope/latest/x.json"))
            #expect(unknown.status == 404)
        }
    }

    @Test("SIGTERM stops the server gracefully through runService()")
    func gracefulShutdown() async throws {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = try buildApplication(
            configuration: ServerConfiguration(
                root: tree.root, port: 0, logger: LogCapture().logger(), onServerRunning: { continuation.yield($0) }))
        let task = Task {
            defer { continuation.finish() }
            try await app.runService()
        }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        let before = try await Tools.curl("http://127.0.0.1:\(port)/healthz")
        #expect(before.status == 200)
        // runService() handles SIGTERM (the default action, ending the process, is replaced while it runs).
        kill(getpid(), SIGTERM)
        let timeout = Task<Bool, Never> {
            do {
                try await Task.sleep(for: .seconds(20))
            } catch {
                return false
            }
            task.cancel()
            return true
        }
        let result = await task.result
        timeout.cancel()
        #expect(await timeout.value == false, "the server did not stop within 20 s of SIGTERM")
        #expect((try? result.get()) != nil)
        let after = try await Tools.curl("http://127.0.0.1:\(port)/healthz")
        #expect(after.status == 0)
    }
}

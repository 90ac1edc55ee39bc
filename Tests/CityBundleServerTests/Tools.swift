import CityBundleTesting
import Foundation

/// Real clients run as programs, off the Swift concurrency threads (so the in-process server keeps running).
enum Tools {
    /// Runs `executable` with `arguments` under `timeout` seconds.
    static func run(
        _ executable: String, _ arguments: [String], timeout: Int = 120, environment: [String: String] = [:]
    )
        async throws -> CommandResult
    {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                do {
                    // KILL: children of the test runner's threads inherit a mask that blocks SIGTERM.
                    let bounded = ["-s", "KILL", "\(timeout)", executable] + arguments
                    continuation.resume(
                        returning: try ExternalCommand.run("/usr/bin/timeout", bounded, environment: environment))
                } catch {
                    continuation.resume(throwing: error)
                }
            }.start()
        }
    }

    /// A response seen by curl.
    struct HTTPResult: Sendable {
        var status: Int
        /// Header names lowercased (the last response of the exchange).
        var headers: [String: String]
        var body: Data

        func header(_ name: String) -> String? { headers[name.lowercased()] }
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// `/usr/bin/curl` on `url` with `options` (such as `-H`, `-I`, `--path-as-is`).
    static func curl(_ url: String, _ options: [String] = []) async throws -> HTTPResult {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cb-curl-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try await run(
            "/usr/bin/curl",
            ["-s", "-S", "--max-time", "30", "-o", "\(folder)/body", "-D", "\(folder)/headers", "-w", "%{http_code}"]
                + options + [url], timeout: 60)
        let raw = (try? String(contentsOfFile: "\(folder)/headers", encoding: .utf8)) ?? ""
        let block = raw.components(separatedBy: "\r\n\r\n").filter { !$0.isEmpty }.last ?? ""
        var headers: [String: String] = [:]
        for line in block.components(separatedBy: "\r\n").dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = headers[name].map { "\($0), \(value)" } ?? value
        }
        return HTTPResult(
            status: Int(result.stdout) ?? 0, headers: headers,
            body: FileManager.default.contents(atPath: "\(folder)/body") ?? Data())
    }

    /// A JSON object from `url`.
    static func json(_ url: String) async throws -> [String: Any] {
        let response = try await curl(url)
        return (try JSONSerialization.jsonObject(with: response.body) as? [String: Any]) ?? [:]
    }
}

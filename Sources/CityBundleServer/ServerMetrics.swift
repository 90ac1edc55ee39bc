import Foundation

/// Counters for `/metrics`: requests by status code, response body bytes, in Prometheus text format.
final class ServerMetrics: @unchecked Sendable {
    // Every counter is only touched under `lock`.
    private let lock = NSLock()
    private var requestsByStatus: [Int: Int] = [:]
    private var requestsByMethod: [String: Int] = [:]
    private var bytesSent: Int64 = 0
    private var rangeRequests = 0

    /// Counts one finished request.
    func record(method: String, status: Int, bytes: Int64, hadRange: Bool) {
        lock.withLock {
            requestsByStatus[status, default: 0] += 1
            requestsByMethod[method, default: 0] += 1
            bytesSent += bytes
            if hadRange { rangeRequests += 1 }
        }
    }

    /// The exposition text (`text/plain; version=0.0.4`).
    func prometheusText() -> String {
        lock.withLock {
            var lines = [
                "# HELP citybundle_http_requests_total HTTP requests answered, by status code.",
                "# TYPE citybundle_http_requests_total counter",
            ]
            for (status, count) in requestsByStatus.sorted(by: { $0.key < $1.key }) {
                lines.append("citybundle_http_requests_total{status=\"\(status)\"} \(count)")
            }
            lines += [
                "# HELP citybundle_http_requests_by_method_total HTTP requests answered, by method.",
                "# TYPE citybundle_http_requests_by_method_total counter",
            ]
            for (method, count) in requestsByMethod.sorted(by: { $0.key < $1.key }) {
                lines.append("citybundle_http_requests_by_method_total{method=\"\(method)\"} \(count)")
            }
            lines += [
                "# HELP citybundle_http_range_requests_total Requests that carried a Range header.",
                "# TYPE citybundle_http_range_requests_total counter",
                "citybundle_http_range_requests_total \(rangeRequests)",
                "# HELP citybundle_http_response_bytes_total Bytes of response bodies sent.",
                "# TYPE citybundle_http_response_bytes_total counter",
                "citybundle_http_response_bytes_total \(bytesSent)",
            ]
            return lines.joined(separator: "\n") + "\n"
        }
    }
}

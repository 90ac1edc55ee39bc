import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

extension S3Client {
    /// An answer with a 2xx status: its headers and body.
    struct Response {
        let headers: HTTPHeaders
        let body: ByteBuffer
    }

    /// Sends `request` (signed anew for each attempt, retried as ``S3ClientOptions`` says) and returns the 2xx
    /// answer, or nil when the final status is one of `absentStatuses` (404 for a missing key).
    ///
    /// - Throws: ``S3Error``: the status with the XML error's code and message, a transport failure after the
    ///   last attempt, or ``S3Error/Failure/tooLarge(limit:)`` when a 2xx body exceeds `maxBodySize`.
    func perform(_ request: S3Request, expecting absentStatuses: Set<Int>, maxBodySize: Int = 1 << 20)
        async throws -> Response?
    {
        var attempt = 0
        while true {
            attempt += 1
            let canRetry = attempt < options.maxAttempts
            let response: HTTPClientResponse
            do {
                response = try await http.execute(httpRequest(for: request), deadline: deadline(for: request))
            } catch {
                if error is CancellationError || (error as? HTTPClientError) == .cancelled { throw error }
                if canRetry {
                    try await pause(afterAttempt: attempt)
                    continue
                }
                throw self.error(
                    request, .transport("\(configuration.endpoint): \(String(describing: error))"), attempts: attempt)
            }
            let status = Int(response.status.code)
            let isSuccess = (200..<300).contains(status)
            let body: ByteBuffer
            do {
                body = try await response.body.collect(upTo: isSuccess ? maxBodySize : 256 * 1024)
            } catch is NIOTooManyBytesError {
                guard !isSuccess else { throw error(request, .tooLarge(limit: maxBodySize), attempts: attempt) }
                body = ByteBuffer()
            } catch {
                if canRetry {
                    try await pause(afterAttempt: attempt)
                    continue
                }
                throw self.error(
                    request, .transport("answer interrupted: \(String(describing: error))"), attempts: attempt)
            }
            if isSuccess { return Response(headers: response.headers, body: body) }
            if absentStatuses.contains(status) { return nil }
            let document = S3ErrorDocument(xml: Array(body.readableBytesView))
            if canRetry && (S3RetryPolicy.isRetryable(status: status) || S3RetryPolicy.isRetryable(code: document.code))
            {
                try await pause(afterAttempt: attempt)
                continue
            }
            throw error(
                request,
                .http(
                    status: status, code: document.code, message: document.message,
                    requestID: document.requestID ?? response.headers.first(name: "x-amz-request-id")),
                attempts: attempt)
        }
    }

    /// An ``S3Error`` about `request`.
    func error(_ request: S3Request, _ failure: S3Error.Failure, attempts: Int) -> S3Error {
        S3Error(operation: request.operation, bucket: bucket, key: request.key, failure: failure, attempts: attempts)
    }

    /// The URL of `request`: path-style `endpoint/bucket/key`, or virtual-hosted `bucket.endpoint/key` (path-style
    /// anyway for a bucket name with dots over HTTPS, which its certificate would not cover).
    func url(for request: S3Request) -> String {
        let path = request.key.map { "/" + PercentEncoding.encode($0, keepingSlashes: true) }
        var url: String
        if configuration.addressingStyle == .path || (bucket.contains(".") && configuration.endpoint.scheme == "https")
        {
            url = "\(configuration.endpoint)/\(bucket)\(path ?? "")"
        } else {
            url = "\(configuration.endpoint.withBucketSubdomain(bucket))\(path ?? "/")"
        }
        if !request.query.isEmpty {
            url +=
                "?"
                + request.query.map { PercentEncoding.encode($0.0) + "=" + PercentEncoding.encode($0.1) }
                .joined(separator: "&")
        }
        return url
    }

    /// The signed HTTP request for one attempt.
    private func httpRequest(for request: S3Request) -> HTTPClientRequest {
        let url = url(for: request)
        let signature = signer.sign(
            SigV4Request(
                method: request.method.rawValue, url: url, headers: request.headers,
                payloadSHA256: request.payloadSHA256),
            date: Date())
        var http = HTTPClientRequest(url: url)
        http.method = request.method
        for header in request.headers + signature.headersToAdd {
            http.headers.add(name: header.name, value: header.value)
        }
        http.headers.add(name: "user-agent", value: "citybundle-s3")
        if let makeBody = request.makeBody { http.body = makeBody() }
        return http
    }

    /// `requestTimeout`, plus the body's size at the slowest tolerated upload speed.
    private func deadline(for request: S3Request) -> NIODeadline {
        let upload = Duration.seconds(Double(request.bodySize) / Double(options.minimumUploadBytesPerSecond))
        return .now() + TimeAmount(options.requestTimeout + upload)
    }

    /// Waits before the next attempt.
    private func pause(afterAttempt attempt: Int) async throws {
        try await Task.sleep(for: S3RetryPolicy.delay(afterAttempt: attempt, base: options.retryBaseDelay))
    }
}

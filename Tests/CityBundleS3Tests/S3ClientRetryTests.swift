import CityBundleS3
import CityBundleTesting
import Foundation
import Testing

/// Retries and error mapping of ``S3Client`` against a scripted local HTTP server.
@Suite("S3 client retries", .serialized)
struct S3ClientRetryTests {
    static func errorXML(_ code: String, _ message: String) -> String {
        "<?xml version=\"1.0\"?><Error><Code>\(code)</Code><Message>\(message)</Message><RequestId>R-1</RequestId></Error>"
    }

    private func client(_ url: String) -> S3Client {
        S3Client(
            bucket: "bucket",
            configuration: S3Configuration(
                endpoint: S3Endpoint(url)!, region: "us-east-1",
                credentials: SigV4Credentials(accessKeyID: "AKID", secretAccessKey: "retry-test-secret"),
                addressingStyle: .path, isCustomEndpoint: true),
            options: S3ClientOptions(retryBaseDelay: .milliseconds(5)))
    }

    @Test("503 and 429 are retried (the file body is sent again each time) until a 2xx")
    func retriesServerErrors() async throws {
        let server = try ScriptedHTTPServer(script: [(503, Self.errorXML("SlowDown", "slow")), (429, ""), (200, "")])
        let directory = TemporaryDirectory("citybundle-s3-retry")
        let path = directory.file("data.bin")
        try Data(repeating: 7, count: 2 * 1024 * 1024 + 5).write(to: URL(fileURLWithPath: path))
        let client = client(server.url)
        try await client.putObject(key: "k/data.bin", fileAt: path, contentType: "application/octet-stream")
        await client.shutdown()
        try server.stop()
        let received = server.received
        #expect(received.count == 3)
        #expect(
            received.allSatisfy {
                $0.method == "PUT" && $0.uri == "/bucket/k/data.bin" && $0.bodyBytes == 2 * 1024 * 1024 + 5
            })
        #expect(
            received.allSatisfy { $0.headers["authorization"]?.hasPrefix("AWS4-HMAC-SHA256 Credential=AKID/") == true })
        #expect(received.allSatisfy { $0.headers["x-amz-content-sha256"]?.count == 64 })
        #expect(received.allSatisfy { $0.headers["content-type"] == "application/octet-stream" })
    }

    @Test("Three failed attempts give the last status, code and message")
    func givesUpAfterThreeAttempts() async throws {
        let server = try ScriptedHTTPServer(
            script: Array(repeating: (500, Self.errorXML("InternalError", "we broke")), count: 4))
        let client = client(server.url)
        let error = await #expect(throws: S3Error.self) { try await client.listObjects(prefix: "a/") }
        await client.shutdown()
        try server.stop()
        #expect(server.received.count == 3)
        #expect(
            error?.failure == .http(status: 500, code: "InternalError", message: "we broke", requestID: "R-1"))
        #expect(error?.attempts == 3)
        #expect(error?.description.contains("retry later") == true)
    }

    @Test("403, 404 and other client errors are not retried; 404 means absent for HEAD and GET")
    func clientErrorsNotRetried() async throws {
        let server = try ScriptedHTTPServer(
            script: [(403, Self.errorXML("AccessDenied", "no")), (404, ""), (404, Self.errorXML("NoSuchKey", "none"))])
        let client = client(server.url)
        let error = await #expect(throws: S3Error.self) {
            try await client.putObject(key: "k", data: Data("x".utf8), contentType: "text/plain")
        }
        #expect(error?.code == "AccessDenied" && error?.attempts == 1)
        #expect(error?.description.contains("grant these credentials PutObject on s3://bucket") == true)
        #expect(try await client.headObject(key: "k") == nil)
        #expect(try await client.getObject(key: "k", maxSize: 10) == nil)
        await client.shutdown()
        try server.stop()
        #expect(server.received.count == 3)
        #expect(server.received[0].headers["content-md5"] == "ndTkYSaMgDT1yFZOFVxnpg==")
    }

    @Test("An unreachable endpoint fails after three attempts with a transport error")
    func unreachable() async throws {
        let server = try ScriptedHTTPServer(script: [])
        let url = server.url
        try server.stop()
        let client = client(url)
        let error = await #expect(throws: S3Error.self) { try await client.headObject(key: "k") }
        await client.shutdown()
        guard case .transport = error?.failure else {
            Issue.record("expected a transport failure, got \(String(describing: error))")
            return
        }
        #expect(error?.attempts == 3)
        #expect(error?.description.contains("AWS_ENDPOINT_URL") == true)
        #expect(error?.description.contains("retry-test-secret") == false)
    }
}

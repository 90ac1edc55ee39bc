import CityBundleS3
import CityBundleTesting
import Foundation
import Testing

/// The real S3-compatible server the integration tests use: radosgw from `scripts/test-s3.sh` (started here when
/// `make test` has not), or another server given by `CITYBUNDLE_TEST_S3=1` with `AWS_ENDPOINT_URL`,
/// `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` (and `AWS_REGION`).
enum S3TestEnvironment {
    static let environment: Result<[String: String], TestServices.ServiceError> = {
        let process = ProcessInfo.processInfo.environment
        if process["CITYBUNDLE_TEST_S3"] == "1" { return .success(process) }
        return TestServices.start("test-s3.sh")
    }()

    /// The configuration of the test server.
    static func configuration() throws -> S3Configuration {
        try S3Configuration.fromEnvironment(try environment.get())
    }

    /// A bucket name no other run uses: `cb-test-<purpose>-<random>`.
    static func uniqueBucket(_ purpose: String) -> String {
        "cb-test-\(purpose)-\(UUID().uuidString.lowercased().prefix(13).replacingOccurrences(of: "-", with: ""))"
    }

    /// Runs `body` with a client on a new bucket, then empties and deletes the bucket.
    static func withBucket(
        _ purpose: String, options: S3ClientOptions = S3ClientOptions(), _ body: (S3Client) async throws -> Void
    ) async throws {
        let client = S3Client(bucket: uniqueBucket(purpose), configuration: try configuration(), options: options)
        do {
            try await client.createBucket()
            try await body(client)
        } catch {
            await cleanUp(client)
            throw error
        }
        await cleanUp(client)
    }

    private static func cleanUp(_ client: S3Client) async {
        if let objects = try? await client.listObjects(prefix: "") {
            for object in objects { try? await client.deleteObject(key: object.key) }
        }
        try? await client.deleteBucket()
        await client.shutdown()
    }
}

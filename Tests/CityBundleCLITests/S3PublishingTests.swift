import CityBundleS3
import CityBundleTesting
import Foundation
import Testing

/// `--publish-to s3://…` against a real S3-compatible server (radosgw from scripts/test-s3.sh): the published
/// tree is mirrored in order and checked, `fetch` reads it back over plain HTTP, reruns upload nothing, a new
/// version uploads only itself, a changed remote version is refused, and a withdrawal reaches the bucket.
@Suite("Publishing to S3", .serialized)
struct S3PublishingTests {
    static let environment: Result<[String: String], TestServices.ServiceError> = TestServices.start("test-s3.sh")

    @Test("run --publish-to mirrors and verifies; fetch reads it over HTTP; reruns, new versions, conflicts, withdraw")
    func publishToS3() async throws {
        let env = try Self.environment.get()
        let endpoint = try #require(env["AWS_ENDPOINT_URL"])
        let bucket = "cb-cli-\(UUID().uuidString.lowercased().prefix(8))"
        let client = S3Client(bucket: bucket, configuration: try S3Configuration.fromEnvironment(env))
        defer { Task { await client.shutdown() } }
        try await client.createBucket()
        try await client.putBucketPolicy(
            """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["*"]},"Action":["s3:GetObject"],\
            "Resource":["arn:aws:s3:::\(bucket)/*"]}]}
            """)
        let workspace = try PublishCommandTests.Workspace()
        let destination = "s3://\(bucket)/open/data/"
        func run(_ extra: [String]) throws -> CommandResult {
            try ExternalCommand.citybundle(
                [
                    "run", workspace.pipeline, "--output", workspace.output, "--state", workspace.state,
                    "--signing-key", workspace.key, "-q", "--publish-to", destination,
                ] + extra, environment: env)
        }

        let first = try run(["--version", "2026.11.25"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Mirrored to \(destination): uploaded"))
        let keys = Set(try await client.listObjects(prefix: "open/data/").map(\.key))
        #expect(keys.contains("open/data/sites/2026.11.25/manifest.json"))
        #expect(keys.contains("open/data/sites/latest.json") && keys.contains("open/data/catalog.json"))

        // A developer fetches it over plain HTTP, verified against the publisher's key.
        let fetched = workspace.directory.file("fetched")
        let fetch = try ExternalCommand.citybundle([
            "fetch", "\(endpoint)/\(bucket)/open/data", "sites@latest", "--to", fetched, "--key",
            workspace.key + ".pub.json", "--quiet",
        ])
        #expect(fetch.status == 0, "\(fetch.stderr)")
        let original = try Data(
            contentsOf: URL(fileURLWithPath: "\(workspace.output)/sites/2026.11.25/scenic_sites.geojson"))
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: "\(fetched)/sites/2026.11.25/scenic_sites.geojson")) == original)

        // Nothing changed: nothing published, nothing uploaded.
        let again = try run([])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("destination already up to date: nothing uploaded"))

        // One changed feature: a new version, uploaded alone.
        var text = try String(contentsOfFile: workspace.data, encoding: .utf8)
        text = text.replacingOccurrences(of: #""qid": "Q462372""#, with: #""qid": "Q462372", "height": 51.4"#)
        try text.write(toFile: workspace.data, atomically: true, encoding: .utf8)
        let second = try run(["--version", "2026.11.26"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("versions uploaded: sites@2026.11.26; already present: sites@2026.11.25"))

        // Someone changed a published version in the bucket: the next mirror refuses and uploads nothing.
        try await client.putObject(
            key: "open/data/sites/2026.11.25/manifest.json", data: Data("{}".utf8), contentType: "application/json")
        let refused = try run([])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("sites@2026.11.25") && refused.stderr.contains("nothing was uploaded"))
        try await client.putObject(
            key: "open/data/sites/2026.11.25/manifest.json",
            data: try Data(contentsOf: URL(fileURLWithPath: "\(workspace.output)/sites/2026.11.25/manifest.json")),
            contentType: "application/json")

        // A withdrawal reaches the bucket: the data goes, the signed tombstone stays, latest moves back.
        let withdrawn = try ExternalCommand.citybundle(
            [
                "withdraw", "sites@2026.11.26", "--root", workspace.output, "--reason", "test", "--signing-key",
                workspace.key, "--publish-to", destination,
            ], environment: env)
        #expect(withdrawn.status == 0, "\(withdrawn.stderr)")
        let after = Set(try await client.listObjects(prefix: "open/data/sites/2026.11.26/").map(\.key))
        #expect(after.contains("open/data/sites/2026.11.26/WITHDRAWN.json"))
        #expect(!after.contains("open/data/sites/2026.11.26/scenic_sites.geojson"))
        let latest = try #require(try await client.getObject(key: "open/data/sites/latest.json", maxSize: 1 << 20))
        #expect(String(decoding: latest, as: UTF8.self).contains("2026.11.25"))

        for object in try await client.listObjects(prefix: "") { try await client.deleteObject(key: object.key) }
        try await client.deleteBucket()
    }
}

import CityBundleModel
import CityBundleS3
import CityBundleTesting
import Crypto
import Foundation
import Testing

/// The client and the mirror against a real S3-compatible server (see ``S3TestEnvironment``).
@Suite("S3 integration", .serialized)
struct S3IntegrationTests {
    private static func md5(_ data: Data) -> String { PublishRootFixture.md5(data) }

    @Test("Objects: put, head, get, list across pages, delete; bucket creation is idempotent; policies")
    func objectRoundTrip() async throws {
        try await S3TestEnvironment.withBucket("objects", options: S3ClientOptions(listPageSize: 2)) { client in
            try await client.createBucket()  // BucketAlreadyOwnedByYou counts as success

            let key = "dir/hello world+1ሴ.json"
            let data = Data(#"{"hello":"world"}"#.utf8)
            try await client.putObject(key: key, data: data, contentType: "application/json", cacheControl: "no-cache")
            let info = try #require(try await client.headObject(key: key))
            #expect(info == S3ObjectInfo(key: key, size: Int64(data.count), eTag: Self.md5(data)))
            #expect(try await client.getObject(key: key, maxSize: 1024) == data)
            let tooLarge = await #expect(throws: S3Error.self) { try await client.getObject(key: key, maxSize: 3) }
            #expect(tooLarge?.failure == .tooLarge(limit: 3))
            #expect(try await client.getObject(key: "dir/missing", maxSize: 10) == nil)
            #expect(try await client.headObject(key: "dir/missing") == nil)

            for index in 0..<5 {
                try await client.putObject(
                    key: "page/\(index).txt", data: Data("\(index)".utf8), contentType: "text/plain")
            }
            let page = try await client.listObjects(prefix: "page/")
            #expect(page.map(\.key) == (0..<5).map { "page/\($0).txt" })
            #expect(page.allSatisfy { $0.size == 1 })
            #expect(try await client.listObjects(prefix: "dir/").map(\.key) == [key])

            try await client.deleteObject(key: key)
            #expect(try await client.headObject(key: key) == nil)
            try await client.deleteObject(key: key)

            let policy = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":["s3:GetObject"],
                "Resource":["arn:aws:s3:::\(client.bucket)/*"]}]}
                """
            try await client.putBucketPolicy(policy)
        }
    }

    @Test("Files stream from disk with the payload hash computed or given; a wrong hash is refused")
    func fileUpload() async throws {
        let directory = TemporaryDirectory("citybundle-s3-file")
        var bytes = [UInt8](repeating: 0, count: 3 * 1024 * 1024 + 17)
        for index in bytes.indices { bytes[index] = UInt8(truncatingIfNeeded: index &* 2_654_435_761 >> 7) }
        let data = Data(bytes)
        let path = directory.file("big.fgb")
        try data.write(to: URL(fileURLWithPath: path))
        let sha256 = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()

        try await S3TestEnvironment.withBucket("files") { client in
            try await client.putObject(key: "a/big.fgb", fileAt: path, contentType: "application/flatgeobuf")
            try await client.putObject(
                key: "b/big.fgb", fileAt: path, sha256Hex: sha256, contentType: "application/flatgeobuf")
            for key in ["a/big.fgb", "b/big.fgb"] {
                #expect(try await client.headObject(key: key)?.eTag == Self.md5(data))
                #expect(try await client.getObject(key: key, maxSize: 8 << 20) == data)
            }
            let wrong = String(repeating: "0", count: 64)
            let error = await #expect(throws: S3Error.self) {
                try await client.putObject(
                    key: "c/big.fgb", fileAt: path, sha256Hex: wrong, contentType: "application/octet-stream")
            }
            #expect(error?.status == 400, "\(String(describing: error))")
            #expect(try await client.headObject(key: "c/big.fgb") == nil)
            let missing = await #expect(throws: S3Error.self) {
                try await client.putObject(key: "d", fileAt: directory.file("nope"), contentType: "text/plain")
            }
            guard case .localFile = missing?.failure else {
                Issue.record("expected a local file error, got \(String(describing: missing))")
                return
            }
        }
    }

    @Test("A wrong secret gives SignatureDoesNotMatch, is not retried, and no secret appears in the error")
    func wrongSecret() async throws {
        try await S3TestEnvironment.withBucket("auth") { client in
            var configuration = client.configuration
            let wrongSecret = "wrong-secret-\(UUID().uuidString)"
            configuration.credentials.secretAccessKey = wrongSecret
            let wrong = S3Client(bucket: client.bucket, configuration: configuration)
            let error = await #expect(throws: S3Error.self) {
                try await wrong.putObject(key: "x.json", data: Data("{}".utf8), contentType: "application/json")
            }
            await wrong.shutdown()
            #expect(error?.code == "SignatureDoesNotMatch", "\(String(describing: error))")
            #expect(error?.status == 403)
            #expect(error?.attempts == 1)
            let text = error?.description ?? ""
            #expect(text.contains("check AWS_SECRET_ACCESS_KEY"))
            #expect(!text.contains(wrongSecret))
            #expect(!text.contains(client.configuration.credentials.secretAccessKey))
        }
    }

    @Test("A missing bucket is NoSuchBucket")
    func missingBucket() async throws {
        let client = S3Client(
            bucket: S3TestEnvironment.uniqueBucket("missing"), configuration: try S3TestEnvironment.configuration())
        let error = await #expect(throws: S3Error.self) { try await client.listObjects(prefix: "") }
        await client.shutdown()
        #expect(error?.code == "NoSuchBucket", "\(String(describing: error))")
        #expect(error?.description.contains("create the bucket") == true)
    }

    @Test("Mirror: ordered first run, empty second run, a changed manifest refused with nothing uploaded, retention")
    func mirror() async throws {
        let fixture = try PublishRootFixture()
        try await S3TestEnvironment.withBucket("mirror") { client in
            let destination = try S3Location(parsing: "s3://\(client.bucket)/site/")
            let mirror = S3TreeMirror(root: fixture.root, destination: destination, store: client)

            let events = EventLog()
            let first = try await mirror.run { events.append($0) }
            let reported = events.items.compactMap { if case .uploaded(let path, _) = $0 { path } else { nil } }
            #expect(reported == first.uploaded)
            #expect(Set(first.uploaded) == Set(MirrorPlanTests.freshOrder))
            MirrorOrderChecks.expectValidOrder(first.uploaded)
            let stored = try await client.listObjects(prefix: "site/")
            #expect(Set(stored.map(\.key)) == Set(MirrorPlanTests.freshOrder.map { "site/" + $0 }))
            for object in stored {
                let local = try fixture.contents(String(object.key.dropFirst("site/".count)))
                #expect(object.eTag == Self.md5(local) && object.size == Int64(local.count), "\(object.key)")
            }

            let second = try await mirror.run()
            #expect(second.uploaded.isEmpty && second.deleted.isEmpty)
            #expect(second.description.hasPrefix("destination already up to date"))
            #expect(try await mirror.verify() == stored.count)

            // The check after upload names what the bucket lacks, holds in excess or holds with other content.
            try await client.deleteObject(key: "site/wuhan/2026.11.26/manifest.json.sig")
            try await client.putObject(key: "site/stray.txt", data: Data("x".utf8), contentType: "text/plain")
            try await client.putObject(
                key: "site/wuhan/latest.json", data: Data(#"{"version":"0000.00.00"}"#.utf8),
                contentType: "application/json")
            let failed = await #expect(throws: MirrorError.self) { try await mirror.verify() }
            guard case .verificationFailed(_, let problems) = failed else {
                Issue.record("expected verificationFailed, got \(String(describing: failed))")
                return
            }
            #expect(problems.contains("site/wuhan/2026.11.26/manifest.json.sig is missing"))
            #expect(problems.contains("site/stray.txt is not in the local publish root"))
            #expect(problems.contains { $0.hasPrefix("site/wuhan/latest.json has") })
            #expect(failed?.exitStatus == .verificationFailed)
            _ = try await mirror.run()
            try await client.deleteObject(key: "site/stray.txt")
            #expect(try await mirror.verify() == stored.count)

            try fixture.write(
                "wuhan/2026.11.26/manifest.json", #"{"bundle":"wuhan","version":"2026.11.26","edited":true}"#)
            try fixture.write("wuhan/latest.json", #"{"version":"2026.11.27"}"#)
            let refused = await #expect(throws: MirrorError.self) { try await mirror.run() }
            #expect(
                refused
                    == .versionConflicts(
                        destination: "s3://\(client.bucket)/site/",
                        conflicts: [.init(bundle: "wuhan", version: "2026.11.26", reason: .manifestDiffers)]))
            #expect(try await client.listObjects(prefix: "site/") == stored)

            try fixture.remove("wuhan/2026.11.26")
            try fixture.remove("wuhan/2026.11.25")
            let pruned = try await mirror.run()
            #expect(pruned.uploaded == ["wuhan/latest.json"])
            #expect(pruned.deleted.count == 12)
            #expect(pruned.deleted.first == "site/wuhan/2026.11.25/manifest.json")
            #expect(
                try await client.listObjects(prefix: "site/wuhan/2026.11.2").map(\.key).allSatisfy {
                    $0.contains("2026.11.24")
                })
        }
    }
}

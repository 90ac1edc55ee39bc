import CityBundleModel
import CityBundlePublish
import Foundation
import Testing

struct ImmutabilityTests {
    /// Every file under the root with its bytes.
    static func snapshot(_ root: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for file in TestSupport.files(under: root) {
            result[file] = try Data(contentsOf: URL(fileURLWithPath: "\(root)/\(file)"))
        }
        return result
    }

    @Test func otherContentUnderAnExistingVersionIsRefused() throws {
        let fixture = try WuhanFixture()
        try fixture.publisher().publish(fixture.request(version: "1.0"))
        let before = try Self.snapshot(fixture.root)
        try fixture.editStaged("scenic_sites.csv", appending: "Q0,\"x\",114.3,30.5\n")
        fixture.clock.advance(60)
        let error = try #require(throws: PublishError.self) {
            try fixture.publisher().publish(fixture.request(version: "1.0"))
        }
        #expect(error == .versionExists(bundle: "wuhan", version: "1.0", changedFiles: ["scenic_sites.csv"]))
        #expect(error.exitStatus == .usage)
        #expect(error.description.contains("published versions never change"))
        #expect(try Self.snapshot(fixture.root) == before)
    }

    @Test func identicalContentIsANoOp() throws {
        let fixture = try WuhanFixture()
        let first = try fixture.publisher().publish(fixture.request(version: "1.0"))
        let before = try Self.snapshot(fixture.root)
        fixture.clock.advance(3600)
        let again = try fixture.publisher().publish(fixture.request(version: "1.0"))
        #expect(again.outcome == .unchanged && again.isNoOp)
        #expect(again.manifestSHA256 == first.manifestSHA256)
        #expect(try Self.snapshot(fixture.root) == before)

        // Without a version, the same data as the latest is the latest.
        let dated = try fixture.publisher().publish(fixture.request())
        #expect(dated.outcome == .unchanged && dated.version == "1.0")
        #expect(try Self.snapshot(fixture.root) == before)
    }

    @Test func versionsOnlyGoUp() throws {
        let fixture = try WuhanFixture()
        try fixture.publisher().publish(fixture.request(version: "2026.11.25"))
        try fixture.editStaged("scenic_sites.csv", appending: "Q0,\"x\",114.3,30.5\n")
        #expect(throws: PublishError.versionNotIncreasing(bundle: "wuhan", version: "2026.11.24", newest: "2026.11.25"))
        {
            try fixture.publisher().publish(fixture.request(version: "2026.11.24"))
        }
        #expect(throws: PublishError.self) { try fixture.publisher().publish(fixture.request(version: "v2")) }
        let next = try fixture.publisher().publish(fixture.request(version: "2026.11.25.1"))
        #expect(next.outcome == .published)
        #expect(next.summary == "since 2026.11.25: changed scenic_sites.csv")
    }

    @Test func unsafeRequestsAreRefusedBeforeWriting() throws {
        let fixture = try WuhanFixture()
        var request = try fixture.request()
        request.layers[0].files = [LayerFile("../keys/wuhan-2026.key")]
        #expect(
            throws: PublishError.unsafePath(
                "../keys/wuhan-2026.key", reason: "empty, '.', '..' or hidden path component")
        ) {
            try fixture.publisher().publish(request)
        }
        request = try fixture.request()
        request.bundleID = "Wuhan City"
        #expect(throws: PublishError.self) { try fixture.publisher().publish(request) }
        request = try fixture.request()
        request.layers[1].files = [LayerFile("manifest.json")]
        #expect(throws: PublishError.self) { try fixture.publisher().publish(request) }
        #expect(!FileManager.default.fileExists(atPath: fixture.root))
    }

    @Test func aSecondPublishWaitsForTheLock() throws {
        let fixture = try WuhanFixture()
        let request = try fixture.request()
        let publisher = fixture.publisher()
        let nested = TestSupport.ErrorBox()
        let outer = BundlePublisher(clock: fixture.clock.function) { point in
            guard point == .afterStaging else { return }
            do { try publisher.publish(request) } catch { nested.error = error }
        }
        try outer.publish(request)
        let error = try #require(nested.error as? PublishError)
        #expect(error == .lockHeld(fixture.root))
        #expect(error.exitStatus == .lockHeld)
        #expect(fixture.verify().isValid)
    }
}

import CityBundlePublish
import Foundation
import Testing

struct WithdrawTests {
    @Test func withdrawLeavesASignedTombstoneAndMovesLatestBack() throws {
        let fixture = try WuhanFixture()
        let first = try fixture.publisher().publish(fixture.request())
        fixture.clock.advance(86_400)
        try fixture.editStaged("scenic_sites.geojson", appending: "\n")
        let second = try fixture.publisher().publish(fixture.request())
        fixture.clock.advance(3600)

        let index = try fixture.publisher().withdraw(
            root: fixture.root, bundle: "wuhan", version: second.version,
            reason: "a landmark's owner asked for its removal", signingKey: fixture.key)
        let record = try #require(index.versions.last)
        #expect(record.version == second.version && record.status == .withdrawn)
        #expect(record.withdrawal?.reason == "a landmark's owner asked for its removal")
        #expect(index.latestPublished?.version == first.version)

        #expect(TestSupport.files(under: second.versionDirectory) == ["WITHDRAWN.json", "WITHDRAWN.json.sig"])
        let tombstone = try JSONDecoder().decode(
            Tombstone.self, from: Data(contentsOf: URL(fileURLWithPath: "\(second.versionDirectory)/WITHDRAWN.json")))
        #expect(tombstone.version == second.version && tombstone.manifestSHA256 == second.manifestSHA256)
        let latest = try JSONDecoder().decode(
            LatestPointer.self, from: Data(contentsOf: URL(fileURLWithPath: "\(fixture.root)/wuhan/latest.json")))
        #expect(latest.version == first.version)

        // The tree verifies; the withdrawn version reports only that it was withdrawn (its tombstone verifies).
        #expect(fixture.verify().isValid, "\(fixture.verify())")
        let withdrawn = fixture.verify(version: second.version)
        #expect(withdrawn.problems.map(\.kind) == [.withdrawn], "\(withdrawn)")
        #expect(withdrawn.problems.first?.message.contains("asked for its removal") == true)
        try TestSupport.flipByte("\(second.versionDirectory)/WITHDRAWN.json")
        #expect(fixture.verify(version: second.version).problems.map(\.kind) == [.signature, .withdrawn])

        // Withdrawing again changes nothing; the number is never reused.
        try TestSupport.flipByte("\(second.versionDirectory)/WITHDRAWN.json")
        let again = try fixture.publisher().withdraw(
            root: fixture.root, bundle: "wuhan", version: second.version, reason: "again", signingKey: fixture.key)
        #expect(again == index)
        #expect(throws: PublishError.versionUnavailable(bundle: "wuhan", version: second.version, status: .withdrawn)) {
            try fixture.publisher().publish(fixture.request(version: second.version))
        }
        #expect(throws: PublishError.versionNotFound(bundle: "wuhan", version: "9.9")) {
            try fixture.publisher().withdraw(
                root: fixture.root, bundle: "wuhan", version: "9.9", reason: "x", signingKey: fixture.key)
        }
    }

    @Test func withdrawingTheOnlyVersionRemovesLatest() throws {
        let fixture = try WuhanFixture()
        let only = try fixture.publisher().publish(fixture.request())
        try fixture.publisher().withdraw(
            root: fixture.root, bundle: "wuhan", version: only.version, reason: "rights not confirmed",
            signingKey: fixture.key)
        #expect(!FileManager.default.fileExists(atPath: "\(fixture.root)/wuhan/latest.json"))
        let report = fixture.verify()
        #expect(report.isValid && report.notes.contains("no version is published"), "\(report)")
    }
}

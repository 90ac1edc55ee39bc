import CityBundlePublish
import Foundation
import Testing

struct RetentionTests {
    @Test func retentionKeepsTheNewestVersionsAndAlwaysTheLatest() throws {
        let fixture = try WuhanFixture()
        var versions: [String] = []
        var removed: [String] = []
        for day in 0..<4 {
            try fixture.editStaged("scenic_sites.csv", appending: "Q\(day),\"x\",114.3,30.5\n")
            let result = try fixture.publisher().publish(fixture.request(retain: 2))
            versions.append(result.version)
            removed += result.removedVersions
            fixture.clock.advance(86_400)
        }
        #expect(versions == ["2026.11.25", "2026.11.26", "2026.11.27", "2026.11.28"])
        #expect(removed == ["2026.11.25", "2026.11.26"])
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: "\(fixture.root)/wuhan")
            .filter { BundleVersion($0) != nil }.sorted()
        #expect(onDisk == ["2026.11.27", "2026.11.28"])
        let index = try JSONDecoder().decode(
            VersionsIndex.self, from: Data(contentsOf: URL(fileURLWithPath: "\(fixture.root)/wuhan/versions.json")))
        #expect(index.versions.map(\.status) == [.removed, .removed, .published, .published])
        #expect(fixture.verify().isValid)
        #expect(fixture.verify(version: "2026.11.25").problems.map(\.kind) == [.unavailable])

        // Keeping one never drops the latest, even when newer versions were withdrawn.
        try fixture.publisher().withdraw(
            root: fixture.root, bundle: "wuhan", version: "2026.11.28", reason: "bad data", signingKey: fixture.key)
        let pruned = try fixture.publisher().prune(
            root: fixture.root, bundle: "wuhan", keep: 1, signingKey: fixture.key)
        #expect(pruned == [])
        #expect(FileManager.default.fileExists(atPath: "\(fixture.root)/wuhan/2026.11.27/manifest.json"))
        #expect(throws: PublishError.self) {
            try fixture.publisher().prune(root: fixture.root, bundle: "wuhan", keep: 0, signingKey: fixture.key)
        }
        #expect(fixture.verify().isValid, "\(fixture.verify())")
    }
}

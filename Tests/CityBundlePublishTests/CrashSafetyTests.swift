import CityBundlePublish
import Foundation
import Testing

struct CrashSafetyTests {
    struct SimulatedCrash: Error {}

    @Test(arguments: PublishCheckpoint.allCases)
    func aKilledPublishLeavesAVerifiableTreeAndTheNextOneFinishes(_ point: PublishCheckpoint) throws {
        let fixture = try WuhanFixture()
        let first = try fixture.publisher().publish(fixture.request())
        fixture.clock.advance(86_400)
        try fixture.editStaged("scenic_sites.geojson", appending: "\n")

        let crashing = fixture.publisher { reached in
            if reached == point { throw SimulatedCrash() }
        }
        #expect(throws: SimulatedCrash.self) { try crashing.publish(fixture.request()) }

        // What the crash left verifies, and still serves the first version.
        let left = fixture.verify()
        #expect(left.isValid, "after a crash at \(point):\n\(left)")
        #expect(left.version == first.version)
        let names = try FileManager.default.contentsOfDirectory(atPath: "\(fixture.root)/wuhan")
        switch point {
        case .afterStaging:
            #expect(names.contains { $0.hasPrefix(".staging-") })
            #expect(!names.contains("2026.11.26"))
        case .afterRename:
            #expect(names.contains("2026.11.26") && !names.contains { $0.hasPrefix(".staging-") })
            #expect(left.notes.contains { $0.contains("2026.11.26: not listed in versions.json") }, "\(left)")
        case .afterVersions:
            #expect(left.notes.contains { $0.contains("lags behind versions.json") }, "\(left)")
        }

        // The next publish of the same data finishes the job and cleans up.
        let next = try fixture.publisher().publish(fixture.request())
        #expect(next.version == "2026.11.26")
        #expect(next.outcome == (point == .afterStaging ? .published : .completed))
        let after = try FileManager.default.contentsOfDirectory(atPath: "\(fixture.root)/wuhan").sorted()
        #expect(
            after == [
                "2026.11.25", "2026.11.26", "collection.json", "index.html", "latest.json", "latest.json.sig",
                "versions.json", "versions.json.sig",
            ])
        let report = fixture.verify()
        #expect(report.isValid && report.version == "2026.11.26" && report.notes.isEmpty, "\(report)")
        #expect(try fixture.publisher().publish(fixture.request()).outcome == .unchanged)
    }

    @Test func aStagedDirectoryFromAnotherRunIsNeverAdoptedWithOtherData() throws {
        let fixture = try WuhanFixture()
        try fixture.publisher().publish(fixture.request())
        fixture.clock.advance(86_400)
        try fixture.editStaged("scenic_sites.geojson", appending: "\n")
        let crashing = fixture.publisher { if $0 == .afterRename { throw SimulatedCrash() } }
        #expect(throws: SimulatedCrash.self) { try crashing.publish(fixture.request()) }
        try fixture.editStaged("scenic_sites.csv", appending: "Q0,\"x\",114.3,30.5\n")
        let next = try fixture.publisher().publish(fixture.request())
        #expect(next.outcome == .published && next.version == "2026.11.26")
        #expect(next.manifest.dataFiles.first { $0.path == "scenic_sites.csv" }?.size == 1709)
        #expect(fixture.verify().isValid)
    }
}

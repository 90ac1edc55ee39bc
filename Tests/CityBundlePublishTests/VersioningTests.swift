import CityBundlePublish
import Foundation
import Testing

struct VersioningTests {
    @Test func versionsCompareAsDottedNumbers() throws {
        let ordered = [
            "2026.9.30", "2026.11.9", "2026.11.10", "2026.11.25", "2026.11.25.1", "2026.11.25.2", "2026.11.26",
            "2026.12.1",
        ]
        let versions = try ordered.map { try #require(BundleVersion($0)) }
        #expect(versions.shuffled().sorted().map(\.text) == ordered)
        #expect(BundleVersion("2026.11.05") == BundleVersion("2026.11.5"))
        for bad in ["", "1..2", "v1", "1.2-beta", ".1", "1.", "1234567890"] {
            #expect(BundleVersion(bad) == nil, "\(bad)")
        }
    }

    @Test func dateBasedVersionsCountUpWithinADay() throws {
        let fixture = try WuhanFixture()
        var seen: [String] = []
        for hour in 0..<3 {
            fixture.clock.set("2026-11-25T0\(hour + 8):00:00Z")
            try fixture.editStaged("scenic_sites.csv", appending: "Q\(hour),\"x\",114.3,30.5\n")
            seen.append(try fixture.publisher().publish(fixture.request()).version)
        }
        fixture.clock.set("2026-11-26T01:00:00Z")
        try fixture.editStaged("scenic_sites.csv", appending: "Q9,\"x\",114.3,30.5\n")
        seen.append(try fixture.publisher().publish(fixture.request()).version)
        #expect(seen == ["2026.11.25", "2026.11.25.1", "2026.11.25.2", "2026.11.26"])

        // Dates follow the publisher's time zone: 20:00 UTC is already the next day in Wuhan.
        fixture.clock.set("2026-11-26T20:00:00Z")
        try fixture.editStaged("scenic_sites.csv", appending: "Q10,\"x\",114.3,30.5\n")
        let wuhanTime = BundlePublisher(clock: fixture.clock.function, timeZone: TimeZone(identifier: "Asia/Shanghai")!)
        #expect(try wuhanTime.publish(fixture.request()).version == "2026.11.27")
        let versions = try JSONDecoder().decode(
            VersionsIndex.self, from: Data(contentsOf: URL(fileURLWithPath: "\(fixture.root)/wuhan/versions.json")))
        #expect(versions.versions.map(\.version) == seen + ["2026.11.27"])
        #expect(versions.sequence == 5)
    }
}

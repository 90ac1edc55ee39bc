import CityBundlePublish
import Foundation
import Testing

struct ArchiveTests {
    @Test func theArchiveIsByteIdenticalForTheSameContent() throws {
        let first = try WuhanFixture()
        let second = try WuhanFixture()
        second.clock.set("2027-03-01T12:34:56Z")
        let a = try first.publisher().publish(first.request(version: "2026.11.25"))
        let b = try second.publisher().publish(second.request(version: "2026.11.25"))
        let archiveA = try Data(contentsOf: URL(fileURLWithPath: "\(a.versionDirectory)/wuhan-2026.11.25.tar.gz"))
        let archiveB = try Data(contentsOf: URL(fileURLWithPath: "\(b.versionDirectory)/wuhan-2026.11.25.tar.gz"))
        #expect(archiveA == archiveB)
        #expect(a.manifestSHA256 != b.manifestSHA256, "the manifests differ (created, key), the archives do not")

        // gzip header: magic, deflate, no name flag, mtime 0.
        #expect(Array(archiveA.prefix(8)) == [0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00])

        // GNU tar reads it: sorted entries, root-owned, mtime 0, the same bytes as the data files.
        let listing = try TestSupport.run(
            "/usr/bin/tar", ["--numeric-owner", "-tvzf", "\(a.versionDirectory)/wuhan-2026.11.25.tar.gz"])
        #expect(listing.status == 0, "\(listing.output)")
        let names = listing.output.split(separator: "\n").map { String($0.split(separator: " ").last ?? "") }
        #expect(
            names == ["buildings/", "buildings/hanyang_buildings.geojson", "scenic_sites.csv", "scenic_sites.geojson"])
        #expect(listing.output.split(separator: "\n").allSatisfy { $0.contains(" 0/0 ") && $0.contains("1970-01-01") })
        let extracted = "\(first.base)/extracted"
        try FileManager.default.createDirectory(atPath: extracted, withIntermediateDirectories: true)
        let unpack = try TestSupport.run(
            "/usr/bin/tar", ["-xzf", "\(a.versionDirectory)/wuhan-2026.11.25.tar.gz", "-C", extracted])
        #expect(unpack.status == 0, "\(unpack.output)")
        for name in names where !name.hasSuffix("/") {
            #expect(
                try Data(contentsOf: URL(fileURLWithPath: "\(extracted)/\(name)"))
                    == Data(contentsOf: URL(fileURLWithPath: "\(first.staging)/\(name)")))
        }
    }
}

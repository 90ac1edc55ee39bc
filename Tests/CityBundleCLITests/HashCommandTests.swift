import CityBundleTesting
import Foundation
import Testing

/// `citybundle hash`: the same digests and format as coreutils' `sha256sum`, and `--check` catching a change.
@Suite("hash command")
struct HashCommandTests {
    let directory = TemporaryDirectory()

    @Test("digests equal sha256sum's, line for line; --check passes, then fails on a changed byte with exit 5")
    func matchesSha256sum() throws {
        let files = ["optics_valley_buildings.geojson", "scenic_sites.geojson", "osm_buildings_hanyang_sample.geojson"]
            .map { Fixtures.dataset("wuhan/\($0)") }
        let ours = try ExternalCommand.citybundle(["hash"] + files)
        #expect(ours.status == 0, "\(ours.stderr)")
        let coreutils = try ExternalCommand.run("sha256sum", files)
        #expect(ours.stdout == coreutils.stdout)

        let copy = directory.file("sites.geojson")
        try FileManager.default.copyItem(atPath: files[1], toPath: copy)
        let list = directory.file("SHA256SUMS")
        try ExternalCommand.run("sha256sum", ["sites.geojson"], directory: directory.path).stdout
            .write(toFile: list, atomically: true, encoding: .utf8)
        let passed = try ExternalCommand.citybundle(["hash", "--check", list], directory: directory.path)
        #expect(passed.status == 0 && passed.stdout == "sites.geojson: OK\n", "\(passed.stdout)\(passed.stderr)")

        var bytes = try Data(contentsOf: URL(fileURLWithPath: copy))
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: copy))
        let failed = try ExternalCommand.citybundle(["hash", "--check", list], directory: directory.path)
        #expect(failed.status == 5)
        #expect(failed.stdout.contains("sites.geojson: FAILED"))
    }

    @Test("a missing file is an I/O error naming it; no arguments is a usage error")
    func missingFile() throws {
        let missing = try ExternalCommand.citybundle(["hash", directory.file("absent.geojson")])
        #expect(missing.status == 3 && missing.stderr.contains("absent.geojson"))
        #expect(try ExternalCommand.citybundle(["hash"]).status == 2)
    }
}

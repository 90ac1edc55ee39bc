import CityBundleModel
import CityBundlePublish
import Foundation
import Testing

struct TamperTests {
    @Test func flippingAnyPublishedByteNamesExactlyThatFile() throws {
        let fixture = try WuhanFixture()
        try fixture.publisher().publish(fixture.request())
        #expect(fixture.verify().isValid)
        let files = TestSupport.files(under: fixture.root)
        #expect(files.count == 20)
        for file in files {
            let path = "\(fixture.root)/\(file)"
            let original = try Data(contentsOf: URL(fileURLWithPath: path))
            try TestSupport.flipByte(path)
            let report = fixture.verify()
            #expect(!report.isValid, "flipping a byte of \(file) went unnoticed")
            #expect(report.exitStatus == .verificationFailed)
            #expect(report.problemPaths == [file], "flipped \(file):\n\(report)")
            try TestSupport.overwrite(path, with: original)
        }
        #expect(fixture.verify().isValid)
    }

    @Test func olderSignedManifestInPlaceOfTheLatestIsRefused() throws {
        let fixture = try WuhanFixture()
        let first = try fixture.publisher().publish(fixture.request())
        fixture.clock.advance(3600)
        try fixture.editStaged("scenic_sites.geojson", appending: "\n")
        let second = try fixture.publisher().publish(fixture.request())
        #expect(second.version == "2026.11.25.1")
        #expect(fixture.verify().isValid)
        for name in ["manifest.json", "manifest.json.sig"] {
            try TestSupport.overwrite("\(second.versionDirectory)/\(name)", with: "\(first.versionDirectory)/\(name)")
        }
        let report = fixture.verify()
        #expect(!report.isValid)
        let problem = try #require(report.problems.first { $0.path == "wuhan/2026.11.25.1/manifest.json" })
        #expect(problem.kind == .rollback, "\(report)")
        #expect(problem.message.contains("2026.11.25's"))
    }

    @Test func replayedVersionsIndexIsRefused() throws {
        let fixture = try WuhanFixture()
        let saved = "\(fixture.base)/saved"
        try FileManager.default.createDirectory(atPath: saved, withIntermediateDirectories: true)
        var state = VerifierState()
        func verify() -> VerificationReport {
            BundleVerifier.verify(
                root: fixture.root, bundle: "wuhan", trustedKeys: fixture.trusted, state: &state,
                now: fixture.clock.now)
        }
        try fixture.publisher().publish(fixture.request())
        #expect(verify().isValid)
        for name in ["versions.json", "versions.json.sig", "latest.json", "latest.json.sig"] {
            try FileManager.default.copyItem(atPath: "\(fixture.root)/wuhan/\(name)", toPath: "\(saved)/\(name)")
        }
        fixture.clock.advance(86_400)
        try fixture.editStaged("buildings/hanyang_buildings.geojson", appending: "\n")
        try fixture.publisher().publish(fixture.request())
        #expect(verify().isValid)
        #expect(state.bundles["wuhan"]?.highestVersion == "2026.11.26")

        // An old versions.json alone: it disagrees with the newer latest.json, and the state remembers more.
        for name in ["versions.json", "versions.json.sig"] {
            try TestSupport.overwrite("\(fixture.root)/wuhan/\(name)", with: "\(saved)/\(name)")
        }
        let alone = verify()
        #expect(alone.problems.contains { $0.kind == .rollback && $0.path == "wuhan/versions.json" }, "\(alone)")
        #expect(alone.problems.contains { $0.message.contains("sequence 1 is older than sequence 2 seen before") })

        // The whole old, consistently signed snapshot: only the remembered state can tell.
        for name in ["latest.json", "latest.json.sig"] {
            try TestSupport.overwrite("\(fixture.root)/wuhan/\(name)", with: "\(saved)/\(name)")
        }
        let snapshot = verify()
        #expect(snapshot.problems.contains { $0.kind == .rollback && $0.path == "wuhan/versions.json" }, "\(snapshot)")
        #expect(snapshot.problems.contains { $0.kind == .rollback && $0.path == "wuhan/latest.json" }, "\(snapshot)")
        #expect(state.bundles["wuhan"]?.highestVersion == "2026.11.26", "a failed run leaves the state alone")
        var freshState = VerifierState()
        let fresh = BundleVerifier.verify(
            root: fixture.root, bundle: "wuhan", trustedKeys: fixture.trusted, state: &freshState,
            now: fixture.clock.now)
        #expect(!fresh.problems.contains { $0.kind == .rollback }, "\(fresh)")
    }

    @Test func unlistedAndMissingFilesAreNamed() throws {
        let fixture = try WuhanFixture()
        let result = try fixture.publisher().publish(fixture.request())
        let directory = result.versionDirectory
        try TestSupport.run("/bin/chmod", ["u+w", directory])
        try Data("extra".utf8).write(to: URL(fileURLWithPath: "\(directory)/extra.txt"))
        try FileManager.default.removeItem(atPath: "\(directory)/scenic_sites.csv")
        let report = fixture.verify()
        #expect(
            report.problems.map { "\($0.kind.rawValue) \($0.path)" }.sorted() == [
                "missing-file wuhan/2026.11.25/scenic_sites.csv", "unexpected-file wuhan/2026.11.25/extra.txt",
            ], "\(report)")
    }

    @Test func untrustedKeyAndExpiryFail() throws {
        let fixture = try WuhanFixture()
        var request = try fixture.request()
        request.expires = Timestamp.date("2026-12-25T00:00:00Z")
        try fixture.publisher().publish(request)
        #expect(fixture.verify().isValid)

        var state = VerifierState()
        let stranger = try SigningKey.generate(id: "stranger")
        let untrusted = BundleVerifier.verify(
            root: fixture.root, bundle: "wuhan", trustedKeys: TrustedKeys(stranger), state: &state,
            now: fixture.clock.now)
        #expect(!untrusted.isValid)
        #expect(untrusted.problems.allSatisfy { $0.kind == .signature }, "\(untrusted)")
        #expect(untrusted.problems.contains { $0.message.contains("'wuhan-2026', which is not trusted") })
        #expect(state == VerifierState())

        let late = BundleVerifier.verify(
            root: fixture.root, bundle: "wuhan", trustedKeys: fixture.trusted, state: &state,
            now: Timestamp.date("2027-01-01T00:00:00Z")!)
        #expect(late.problems.map(\.kind) == [.expired], "\(late)")
        #expect(late.problems.first?.path == "wuhan/2026.11.25/manifest.json")
        #expect(throws: VerificationFailure.self) { try late.check() }
    }
}

import CityBundleModel
import CityBundlePublish
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

struct KeyTests {
    @Test func privateKeyFilesAreOwnerOnly() throws {
        let fixture = try WuhanFixture()
        var info = stat()
        #expect(lstat(fixture.keyPath, &info) == 0 && info.st_mode & 0o777 == 0o600)
        let read = try SigningKey.read(from: fixture.keyPath)
        #expect(read.id == "wuhan-2026" && read.publicKeyBase64 == fixture.key.publicKeyBase64)

        // The public half is exported for clients to pin.
        let exported = "\(fixture.base)/wuhan-2026.pub.json"
        try fixture.key.exportPublicKey(to: exported, created: fixture.clock.now)
        let pinned = try TrustedKeys(publicKeyFiles: [exported])
        #expect(pinned.activeKeyIDs == ["wuhan-2026"])
        #expect(pinned.records["wuhan-2026"]?.publicKey == fixture.key.publicKeyBase64)
        #expect(!(try String(contentsOfFile: exported, encoding: .utf8)).contains("privateKey"))
        #expect(throws: PublishError.self) { try TrustedKeys(publicKeyFiles: [fixture.keyPath]) }

        chmod(fixture.keyPath, 0o644)
        let error = try #require(throws: PublishError.self) { try SigningKey.read(from: fixture.keyPath) }
        #expect(error == .keyFilePermissions(path: fixture.keyPath, mode: UInt32(S_IFREG | 0o644)))
        #expect(error.description.contains("chmod 600"))
        chmod(fixture.keyPath, 0o640)
        #expect(throws: PublishError.self) { try SigningKey.read(from: fixture.keyPath) }
        chmod(fixture.keyPath, 0o600)
        #expect(throws: PublishError.self, "never overwrites a key") { try fixture.key.write(to: fixture.keyPath) }
    }

    @Test func keysNeverGoInsideThePublishRoot() throws {
        let fixture = try WuhanFixture()
        try fixture.publisher().publish(fixture.request())
        #expect(throws: PublishError.keyInsidePublishRoot(path: "\(fixture.root)/wuhan/new.key", root: fixture.root)) {
            try SigningKey.generate(id: "new").write(to: "\(fixture.root)/wuhan/new.key")
        }
        // A key file copied into the root by hand is refused by the publisher.
        let inside = "\(fixture.root)/stolen.key"
        try FileManager.default.copyItem(atPath: fixture.keyPath, toPath: inside)
        let key = try SigningKey.read(from: inside)
        try fixture.editStaged("scenic_sites.csv", appending: "Q0,\"x\",114.3,30.5\n")
        #expect(throws: PublishError.keyInsidePublishRoot(path: inside, root: fixture.root)) {
            try fixture.publisher().publish(fixture.request(key: key))
        }
        let keys = try String(contentsOfFile: "\(fixture.root)/keys.json", encoding: .utf8)
        #expect(keys.contains(fixture.key.publicKeyBase64) && keys.contains("\"status\" : \"active\""))
    }

    @Test func rotationIsSignedByTheOldKeyAndVerifies() throws {
        let fixture = try WuhanFixture()
        try fixture.publisher().publish(fixture.request())
        let newKey = try SigningKey.generate(id: "wuhan-2027").write(to: "\(fixture.base)/keys/wuhan-2027.key")
        try fixture.editStaged("scenic_sites.csv", appending: "Q0,\"x\",114.3,30.5\n")
        #expect(throws: PublishError.unknownKey("wuhan-2027"), "rotate before signing with a new key") {
            try fixture.publisher().publish(fixture.request(key: newKey))
        }

        let ring = KeyRing(root: fixture.root, clock: fixture.clock.function)
        let rotated = try ring.rotate(old: fixture.key, new: newKey)
        #expect(rotated.sequence == 2 && rotated.keys.map(\.keyId) == ["wuhan-2026", "wuhan-2027"])
        let signature = try #require(
            SignatureFile.decode(Data(contentsOf: URL(fileURLWithPath: "\(fixture.root)/keys.json.sig"))))
        #expect(signature.keyId == "wuhan-2026", "the new keys.json is signed by the previous key")

        // A client that pinned the old key follows the rotation and accepts versions signed by the new one.
        let followed = try TrustedKeys.load(root: fixture.root, pinned: TrustedKeys(fixture.key))
        #expect(followed.activeKeyIDs == ["wuhan-2026", "wuhan-2027"])
        fixture.clock.advance(86_400)
        try fixture.publisher().publish(fixture.request(key: newKey))
        var state = VerifierState()
        let report = BundleVerifier.verify(
            root: fixture.root, bundle: "wuhan", trustedKeys: followed, state: &state, now: fixture.clock.now)
        #expect(report.isValid, "\(report)")
        let oldOnly = BundleVerifier.verify(
            root: fixture.root, bundle: "wuhan", trustedKeys: TrustedKeys(fixture.key), state: &state,
            now: fixture.clock.now)
        #expect(oldOnly.problems.contains { $0.message.contains("'wuhan-2027', which is not trusted") })

        // A keys.json signed by a stranger is not followed.
        let stranger = try SigningKey.generate(id: "stranger")
        #expect(throws: PublishError.self) { try TrustedKeys.load(root: fixture.root, pinned: TrustedKeys(stranger)) }
    }

    @Test func revocationIsSignedByAnotherKeyAndRefusesTheRevokedOne() throws {
        let fixture = try WuhanFixture()
        let first = try fixture.publisher().publish(fixture.request())
        let newKey = try SigningKey.generate(id: "wuhan-2027")
        let ring = KeyRing(root: fixture.root, clock: fixture.clock.function)
        try ring.rotate(old: fixture.key, new: newKey)
        let pinned = try TrustedKeys.load(root: fixture.root, pinned: TrustedKeys(fixture.key))
        #expect(throws: PublishError.self) {
            try ring.revoke(keyID: "wuhan-2026", reason: "self", signingKey: fixture.key)
        }
        let revoked = try ring.revoke(keyID: "wuhan-2026", reason: "laptop lost", signingKey: newKey)
        #expect(revoked.key("wuhan-2026")?.status == .revoked)
        #expect(revoked.key("wuhan-2026")?.revocationReason == "laptop lost")

        // Publishing with the revoked key is refused; the new key re-signs versions.json and latest.json.
        try fixture.editStaged("scenic_sites.csv", appending: "Q0,\"x\",114.3,30.5\n")
        #expect(throws: PublishError.revokedKey("wuhan-2026")) { try fixture.publisher().publish(fixture.request()) }
        fixture.clock.advance(86_400)
        try fixture.publisher().publish(fixture.request(key: newKey))

        var state = VerifierState()
        let latest = BundleVerifier.verify(
            root: fixture.root, bundle: "wuhan", trustedKeys: pinned, state: &state, now: fixture.clock.now)
        #expect(latest.isValid, "\(latest)")
        let old = BundleVerifier.verify(
            root: fixture.root, bundle: "wuhan", version: first.version, trustedKeys: pinned, state: &state,
            now: fixture.clock.now)
        #expect(old.problems.map(\.path) == ["wuhan/\(first.version)/manifest.json.sig"], "\(old)")
        #expect(old.problems.first?.message.contains("which is revoked") == true)
    }
}

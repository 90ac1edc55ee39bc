import Crypto
import Foundation

/// The public keys a verifier trusts: pinned by the caller, or read from a `keys.json` whose signature verifies
/// with a pinned key. Revoked keys verify nothing.
public struct TrustedKeys: Sendable {
    /// The keys by id.
    public private(set) var records: [String: PublicKeyRecord]

    /// Trusts `records` (revoked ones are kept to name them in reports, but verify nothing).
    public init(_ records: [PublicKeyRecord]) {
        self.records = Dictionary(records.map { ($0.keyId, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// Trusts the public half of `key`.
    public init(_ key: SigningKey) {
        self.init([key.publicKeyRecord(created: Date(timeIntervalSince1970: 0))])
    }

    /// Trusts the public keys exported by `SigningKey.exportPublicKey(to:created:)`.
    /// - Throws: `PublishError.missingFile` or `.invalidKeyFile` for a file that is not an exported key.
    public init(publicKeyFiles paths: [String]) throws {
        var records: [PublicKeyRecord] = []
        for path in paths {
            guard let data = DurableFiles.contents(path) else { throw PublishError.missingFile(path) }
            guard let record = CanonicalJSON.decode(PublicKeyRecord.self, from: data),
                record.algorithm == SignatureFile.ed25519, Data(base64Encoded: record.publicKey)?.count == 32
            else { throw PublishError.invalidKeyFile(path: path, reason: "not an exported Ed25519 public key") }
            records.append(record)
        }
        self.init(records)
    }

    /// The ids of the keys that verify signatures.
    public var activeKeyIDs: [String] {
        records.values.filter { $0.status == .active }.map(\.keyId).sorted()
    }

    /// Reads `root/keys.json`, checks that `pinned` trusts its signer, and returns `pinned` plus the keys it lists
    /// (a key it revokes is revoked here too). Use it to follow a rotation: the new `keys.json` is signed by the
    /// previous key, which the caller already trusts.
    /// - Throws: `PublishError.corruptMetadata` when `keys.json` or its signature is missing, unreadable or
    ///   not signed by a pinned key.
    public static func load(root: String, pinned: TrustedKeys) throws -> TrustedKeys {
        let path = "\(root)/\(KeyRing.keysFile)"
        guard let data = DurableFiles.contents(path) else {
            throw PublishError.corruptMetadata(path: path, reason: "keys.json not found")
        }
        let check = pinned.check(data, signature: DurableFiles.contents(path + ".sig"))
        guard check.isValid else {
            throw PublishError.corruptMetadata(path: path + ".sig", reason: check.explanation)
        }
        guard let document = CanonicalJSON.decode(KeysDocument.self, from: data) else {
            throw PublishError.corruptMetadata(path: path, reason: "not a keys document")
        }
        var trusted = pinned
        for record in document.keys {
            if record.status == .revoked || trusted.records[record.keyId]?.status != .revoked {
                trusted.records[record.keyId] = record
            }
        }
        return trusted
    }

    /// A copy in which every key that `document` revokes is revoked.
    func applyingRevocations(of document: KeysDocument) -> TrustedKeys {
        var copy = self
        for record in document.keys where record.status == .revoked {
            if copy.records[record.keyId] != nil { copy.records[record.keyId] = record }
        }
        return copy
    }

    /// Checks the detached signature file `signature` (nil when missing) over `data`.
    func check(_ data: Data, signature: Data?) -> SignatureCheck {
        guard let signature else { return .missing }
        guard let file = SignatureFile.decode(signature) else {
            return .malformed("not a signature file")
        }
        if let stated = file.documentSHA256, stated != SignatureFile.sha256(data) {
            return .invalid(keyID: file.keyId)
        }
        guard file.algorithm == SignatureFile.ed25519 else {
            return .malformed("algorithm '\(file.algorithm)' is not ed25519")
        }
        guard let bytes = Data(base64Encoded: file.signature), bytes.count == 64 else {
            return .malformed("the signature is not 64 bytes of base64")
        }
        guard let record = records[file.keyId] else { return .unknownKey(file.keyId) }
        guard record.status == .active else { return .revokedKey(file.keyId) }
        guard let raw = Data(base64Encoded: record.publicKey),
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw)
        else { return .unknownKey(file.keyId) }
        return key.isValidSignature(bytes, for: data) ? .valid(keyID: file.keyId) : .invalid(keyID: file.keyId)
    }
}

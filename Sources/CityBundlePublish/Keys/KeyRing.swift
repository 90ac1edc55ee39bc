public import Foundation

/// The publish root's `keys.json`: creating it, rotating to a new key and revoking a key, each change signed.
///
/// - The first `keys.json` lists one key and is signed by it.
/// - `rotate(old:new:)` adds the new key and is signed by the old one, so clients that trust the old key can
///   follow (`TrustedKeys.load(root:pinned:)`). The old key stays active for the versions it signed.
/// - `revoke(keyID:reason:signingKey:)` marks a key revoked, signed by another active key; verifiers then refuse
///   its signatures.
public struct KeyRing: Sendable {
    /// The file name at the publish root.
    public static let keysFile = "keys.json"

    /// The publish root.
    public let root: String
    /// Where the time of changes comes from.
    public var clock: @Sendable () -> Date

    /// The key ring of the publish root `root`.
    public init(root: String, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.root = URL(fileURLWithPath: root).standardizedFileURL.path
        self.clock = clock
    }

    /// The path of `keys.json`.
    public var path: String { "\(root)/\(Self.keysFile)" }

    /// The current `keys.json`, checked against its own keys; nil when there is none yet.
    /// - Throws: `PublishError.corruptMetadata` when it does not parse or no active key in it signed it.
    public func load() throws -> KeysDocument? {
        try loadVerified()?.document
    }

    /// Creates `keys.json` listing `key`; returns the existing document when it already lists `key`.
    /// - Throws: `PublishError.unknownKey` when `keys.json` exists without `key` (rotate instead).
    @discardableResult
    public func create(with key: SigningKey) throws -> KeysDocument {
        try DurableFiles.createDirectory(root)
        let lock = try DirectoryLock(root)
        defer { lock.release() }
        return try ensureActive(key).document
    }

    /// Adds `new` as an active key in a `keys.json` signed by `old`, which must be active in the current one.
    @discardableResult
    public func rotate(old: SigningKey, new: SigningKey) throws -> KeysDocument {
        try refuseInsideRoot(old)
        try refuseInsideRoot(new)
        try DurableFiles.createDirectory(root)
        let lock = try DirectoryLock(root)
        defer { lock.release() }
        let current = try ensureActive(old).document
        if let existing = current.key(new.id) {
            guard existing.publicKey == new.publicKeyBase64, existing.status == .active else {
                throw PublishError.invalidRequest("key id '\(new.id)' is already in keys.json for another key")
            }
            return current
        }
        let updated = KeysDocument(
            sequence: current.sequence + 1, updated: Timestamp.string(clock()),
            keys: current.keys + [new.publicKeyRecord(created: clock())])
        try write(updated, signedBy: old)
        return updated
    }

    /// Marks `keyID` revoked, in a `keys.json` signed by `signingKey` (another active key).
    @discardableResult
    public func revoke(keyID: String, reason: String, signingKey: SigningKey) throws -> KeysDocument {
        guard keyID != signingKey.id else {
            throw PublishError.invalidRequest("a key cannot sign its own revocation; sign with another active key")
        }
        try refuseInsideRoot(signingKey)
        let lock = try DirectoryLock(root)
        defer { lock.release() }
        let current = try ensureActive(signingKey).document
        guard var record = current.key(keyID) else { throw PublishError.unknownKey(keyID) }
        if record.status == .revoked { return current }
        record.status = .revoked
        record.revoked = Timestamp.string(clock())
        record.revocationReason = reason
        let updated = KeysDocument(
            sequence: current.sequence + 1, updated: Timestamp.string(clock()),
            keys: current.keys.map { $0.keyId == keyID ? record : $0 })
        try write(updated, signedBy: signingKey)
        return updated
    }

    /// The verified `keys.json` and its bytes; creates it with `key` when there is none.
    /// The caller holds the root's lock.
    func ensureActive(_ key: SigningKey) throws -> (document: KeysDocument, bytes: Data) {
        try SignedFilePair.recover(path)
        guard let (document, bytes) = try loadVerified() else {
            let document = KeysDocument(
                sequence: 1, updated: Timestamp.string(clock()), keys: [key.publicKeyRecord(created: clock())])
            let bytes = try write(document, signedBy: key)
            return (document, bytes)
        }
        guard let record = document.key(key.id), record.publicKey == key.publicKeyBase64 else {
            throw PublishError.unknownKey(key.id)
        }
        guard record.status == .active else { throw PublishError.revokedKey(key.id) }
        return (document, bytes)
    }

    private func loadVerified() throws -> (document: KeysDocument, bytes: Data)? {
        guard let bytes = DurableFiles.contents(path) else { return nil }
        guard let document = CanonicalJSON.decode(KeysDocument.self, from: bytes) else {
            throw PublishError.corruptMetadata(path: path, reason: "not a keys document")
        }
        let check = TrustedKeys(document.keys).check(bytes, signature: DurableFiles.contents(path + ".sig"))
        guard check.isValid else { throw PublishError.corruptMetadata(path: path + ".sig", reason: check.explanation) }
        return (document, bytes)
    }

    @discardableResult
    private func write(_ document: KeysDocument, signedBy key: SigningKey) throws -> Data {
        let bytes = try CanonicalJSON.encode(document)
        try SignedFilePair.commit(document: bytes, signature: try key.sign(bytes, document: KeyRing.keysFile), to: path)
        return bytes
    }

    private func refuseInsideRoot(_ key: SigningKey) throws {
        guard let keyPath = key.path else { return }
        let standardized = URL(fileURLWithPath: keyPath).standardizedFileURL.path
        if standardized.hasPrefix(root + "/") {
            throw PublishError.keyInsidePublishRoot(path: keyPath, root: root)
        }
    }
}

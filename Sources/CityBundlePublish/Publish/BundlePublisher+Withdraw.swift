import CityBundleModel
import Foundation

extension BundlePublisher {
    /// Withdraws a published version: writes a signed tombstone `<version>/WITHDRAWN.json` (+ `.sig`), marks the
    /// version withdrawn in `versions.json`, moves `latest.json` to the newest version still published (or
    /// removes it when none is left), then deletes every other file of the version.
    ///
    /// Withdrawing a version twice returns the current index unchanged.
    /// - Returns: the new `versions.json` content.
    /// - Throws: `PublishError.versionNotFound`, `.versionUnavailable` for a removed version, `.lockHeld`,
    ///   `.unknownKey` / `.revokedKey` for the signing key, I/O errors.
    @discardableResult
    public func withdraw(
        root: String, bundle: String, version: String, reason: String, signingKey: SigningKey
    ) throws -> VersionsIndex {
        try RequestValidator.validateBundleID(bundle)
        guard let parsed = BundleVersion(version) else {
            throw PublishError.invalidRequest("version '\(version)' is not a dotted-number version")
        }
        guard !reason.trimmingSpaces.isEmpty else { throw PublishError.invalidRequest("a withdrawal needs a reason") }
        let layout = BundleLayout(root: root, bundle: bundle)
        guard DurableFiles.exists(layout.versionsPath) else {
            throw PublishError.versionNotFound(bundle: bundle, version: version)
        }
        let lock = try DirectoryLock(layout.root)
        defer { lock.release() }
        let keys = try KeyRing(root: layout.root, clock: clock).ensureActive(signingKey)
        try recover(layout, keys: keys.document)
        guard let index = try loadIndex(layout, keys: keys.document), var record = index.record(parsed),
            record.version == version
        else { throw PublishError.versionNotFound(bundle: bundle, version: version) }
        switch record.status {
        case .withdrawn: return index
        case .removed: throw PublishError.versionUnavailable(bundle: bundle, version: version, status: .removed)
        case .published: break
        }

        let now = Timestamp.string(clock())
        let directory = layout.versionDirectory(version)
        let tombstone = try CanonicalJSON.encode(
            Tombstone(
                bundle: bundle, version: version, withdrawn: now, reason: reason,
                manifestSHA256: record.manifest.sha256))
        try DurableFiles.createDirectory(directory)
        try DurableFiles.setMode(directory, 0o755)
        try SignedFilePair.commit(
            document: tombstone, signature: try signingKey.sign(tombstone, document: BundleLayout.tombstoneFile),
            to: layout.tombstonePath(version))

        record.status = .withdrawn
        record.withdrawal = Withdrawal(
            date: now, reason: reason,
            tombstone: FileReference(
                path: "\(version)/\(BundleLayout.tombstoneFile)", size: Int64(tombstone.count),
                sha256: FileDigest.sha256(tombstone)))
        let updated = VersionsIndex(
            bundle: bundle, sequence: index.sequence + 1, updated: now, keysSHA256: FileDigest.sha256(keys.bytes),
            versions: index.versions.map { $0.version == version ? record : $0 })
        try switchPointers(layout, index: updated, signingKey: signingKey, checkpoints: false)

        let keep: Set<String> = [BundleLayout.tombstoneFile, BundleLayout.tombstoneFile + ".sig"]
        for name in DurableFiles.list(directory) where !keep.contains(name) {
            try DurableFiles.removeTree("\(directory)/\(name)")
        }
        try DurableFiles.syncDirectory(directory)
        try DurableFiles.makeReadOnly(directory)
        return updated
    }
}

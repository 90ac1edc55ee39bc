import Foundation

extension BundlePublisher {
    /// Keeps only the newest `keep` published versions (at least 1, so the latest always stays): the others are
    /// marked removed in `versions.json` (their history stays listed), then their directories are deleted.
    /// Withdrawn versions keep their tombstones and do not count.
    /// - Returns: the removed versions, oldest first.
    @discardableResult
    public func prune(root: String, bundle: String, keep: Int, signingKey: SigningKey) throws -> [String] {
        try RequestValidator.validateBundleID(bundle)
        guard keep >= 1 else {
            throw PublishError.invalidRequest("keep must be at least 1 (the latest is always kept)")
        }
        let layout = BundleLayout(root: root, bundle: bundle)
        guard DurableFiles.exists(layout.versionsPath) else { return [] }
        let lock = try DirectoryLock(layout.root)
        defer { lock.release() }
        let keys = try KeyRing(root: layout.root, clock: clock).ensureActive(signingKey)
        try recover(layout, keys: keys.document)
        return try pruneLocked(layout, keep: keep, signingKey: signingKey, keys: keys)
    }

    /// `prune` for a caller that holds the lock.
    func pruneLocked(
        _ layout: BundleLayout, keep: Int, signingKey: SigningKey, keys: (document: KeysDocument, bytes: Data)
    ) throws -> [String] {
        guard let index = try loadIndex(layout, keys: keys.document) else { return [] }
        let published = index.versions.filter { $0.status == .published }
        guard published.count > keep else { return [] }
        let removed = Set(published.dropLast(keep).map(\.version))
        let now = Timestamp.string(clock())
        let updated = VersionsIndex(
            bundle: index.bundle, sequence: index.sequence + 1, updated: now,
            keysSHA256: FileDigest.sha256(keys.bytes),
            versions: index.versions.map { record in
                guard removed.contains(record.version) else { return record }
                var copy = record
                copy.status = .removed
                copy.removed = now
                return copy
            })
        try switchPointers(layout, index: updated, signingKey: signingKey, checkpoints: false)
        for version in removed { try DurableFiles.removeTree(layout.versionDirectory(version)) }
        try DurableFiles.syncDirectory(layout.bundleDirectory)
        return updated.versions.filter { removed.contains($0.version) }.map(\.version)
    }
}

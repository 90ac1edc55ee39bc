public import Foundation

/// Publishes versions of bundles into a static tree, and withdraws and prunes them.
///
/// A publish builds the version in `<root>/<bundle>/.staging-<random>/` (data files, `datapackage.json`, STAC
/// Items, `rights.json`, `provenance.json`, the reproducible archive, the signed manifest), fsyncs it, makes it
/// read-only and renames it to `<root>/<bundle>/<version>/`. Then it rewrites the collection, the index page and
/// the catalog, and replaces `versions.json` and `latest.json` with their signatures, each by rename. Readers
/// see the old state or the new one; a run killed at any point is cleaned up or finished by the next one.
///
/// Published versions never change: the same version with other data is refused, with the same data it is a
/// no-op. One publish at a time per root (an `flock` on the root directory).
public struct BundlePublisher: Sendable {
    /// Where "now" comes from: version dates, `created` fields, withdrawal dates.
    public var clock: @Sendable () -> Date
    /// The time zone of date-based versions.
    public var timeZone: TimeZone
    /// Called at each checkpoint of a publish; a test throws from it to simulate a crash there.
    public var checkpoint: @Sendable (PublishCheckpoint) throws -> Void

    /// A publisher; by default the system clock, UTC dates and no checkpoint hook.
    public init(
        clock: @escaping @Sendable () -> Date = { Date() }, timeZone: TimeZone = TimeZone(identifier: "UTC")!,
        checkpoint: @escaping @Sendable (PublishCheckpoint) throws -> Void = { _ in }
    ) {
        self.clock = clock
        self.timeZone = timeZone
        self.checkpoint = checkpoint
    }

    /// Publishes one version described by `request`.
    ///
    /// - Returns: `.published` for a new version; `.unchanged` when the version (or, without an explicit version,
    ///   the latest one) already holds exactly these data files; `.completed` when it did and an interrupted
    ///   publish of it was finished.
    /// - Throws: `PublishError`: `.versionExists` for other data under an existing version,
    ///   `.versionNotIncreasing`, `.featureLoss` from the gate, `.lockHeld`, `.unknownKey`, I/O and request errors.
    @discardableResult
    public func publish(_ request: PublishRequest) throws -> PublishResult {
        try RequestValidator.validate(request)
        let layout = BundleLayout(root: request.root, bundle: request.bundleID)
        try refuseKeyInsideRoot(request.signingKey, root: layout.root)
        try DurableFiles.createDirectory(layout.root)
        let lock = try DirectoryLock(layout.root)
        defer { lock.release() }
        try DurableFiles.createDirectory(layout.bundleDirectory)
        let keys = try KeyRing(root: layout.root, clock: clock).ensureActive(request.signingKey)
        try recover(layout, keys: keys.document)
        let index = try loadIndex(layout, keys: keys.document)
        let staged = try stagedEntries(request)
        let orphans = layout.versionDirectoriesOnDisk().filter { name in
            !(index?.versions.contains { $0.version == name } ?? false)
        }
        let previous = index?.latestPublished
        let previousManifest = try previous.map { try readManifest(layout, record: $0) }

        // Which version: the one asked for, or today's date.
        let version: BundleVersion
        if let text = request.version {
            version = BundleVersion(text)!
        } else if let previous, let previousManifest, previousManifest.dataFiles == staged {
            return try finishUnchanged(request, layout: layout, index: index!, record: previous, keys: keys.bytes)
        } else if let orphan = orphans.first(where: { (try? orphanManifest(layout, $0))?.dataFiles == staged }) {
            version = BundleVersion(orphan)!
        } else {
            // Unlisted directories with other data were never announced and are removed below.
            let existing = index?.versions.compactMap(\.bundleVersion) ?? []
            version = BundleVersion.dated(clock(), timeZone: timeZone, existing: existing)
        }

        // Immutability: an existing version is never changed.
        if let index, let record = index.record(version) {
            guard record.version == version.text else {
                throw PublishError.invalidRequest(
                    "version \(version.text) equals the existing version \(record.version); write it the same way")
            }
            guard record.status == .published else {
                throw PublishError.versionUnavailable(
                    bundle: request.bundleID, version: record.version, status: record.status)
            }
            let existing = try readManifest(layout, record: record).dataFiles
            guard existing == staged else {
                throw PublishError.versionExists(
                    bundle: request.bundleID, version: record.version, changedFiles: Self.changedPaths(existing, staged)
                )
            }
            return try finishUnchanged(request, layout: layout, index: index, record: record, keys: keys.bytes)
        }
        if let newest = index?.highestVersion, version <= newest {
            throw PublishError.versionNotIncreasing(
                bundle: request.bundleID, version: version.text, newest: newest.text)
        }

        // The publish gate.
        let losses = featureLosses(request, previous: previous)
        if !losses.isEmpty && !request.gate.force {
            throw PublishError.featureLoss(
                bundle: request.bundleID, version: version.text, losses: losses,
                maxShare: request.gate.maxFeatureLossShare)
        }

        // Build (or adopt a complete directory an interrupted run of the same data left), then switch pointers.
        var outcome = PublishResult.Outcome.published
        let manifest: Manifest
        if orphans.contains(version.text), let adopted = try? adoptableManifest(layout, version.text, staged: staged) {
            manifest = adopted
            outcome = .completed
        } else {
            try DurableFiles.removeTree(layout.versionDirectory(version.text))
            manifest = try buildVersion(request, layout: layout, version: version.text, staged: staged)
        }
        for orphan in orphans where orphan != version.text {
            try DurableFiles.removeTree(layout.versionDirectory(orphan))
        }
        let manifestBytes = DurableFiles.contents(layout.manifestPath(version.text)) ?? Data()
        let record = makeRecord(
            request, version: version.text, manifest: manifest, manifestBytes: manifestBytes,
            layout: layout, previous: previous, previousManifest: previousManifest)
        let updated = VersionsIndex(
            bundle: request.bundleID, sequence: (index?.sequence ?? 0) + 1, updated: Timestamp.string(clock()),
            keysSHA256: FileDigest.sha256(keys.bytes), versions: (index?.versions ?? []) + [record])
        try switchPointers(layout, index: updated, signingKey: request.signingKey, checkpoints: true)

        var removed: [String] = []
        if let keep = request.retainVersions {
            removed = try pruneLocked(layout, keep: keep, signingKey: request.signingKey, keys: keys)
        }
        return PublishResult(
            outcome: outcome, bundleID: request.bundleID, version: version.text,
            versionDirectory: layout.versionDirectory(version.text), manifest: manifest,
            manifestSHA256: FileDigest.sha256(manifestBytes), summary: record.summary,
            warnings: RightsDocument.warnings(rights: request.rights, layers: request.layers),
            forcedFeatureLosses: losses, removedVersions: removed)
    }

    /// The layers that lost more than the gate allows against `previous` (or the gate's explicit counts).
    func featureLosses(_ request: PublishRequest, previous: VersionRecord?) -> [FeatureLoss] {
        guard let counts = request.gate.previousFeatureCounts ?? previous?.featureCounts else { return [] }
        let current = Dictionary(request.layers.map { ($0.id, $0.featureCount) }, uniquingKeysWith: { a, _ in a })
        return counts.sorted { $0.key < $1.key }.compactMap { layer, before in
            let loss = FeatureLoss(layer: layer, previous: before, current: current[layer] ?? 0)
            return loss.share > request.gate.maxFeatureLossShare ? loss : nil
        }
    }

    /// The paths whose entries differ between two lists of data files.
    static func changedPaths(_ old: [ManifestEntry], _ new: [ManifestEntry]) -> [String] {
        let before = Dictionary(old.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        return Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
    }

    private func refuseKeyInsideRoot(_ key: SigningKey, root: String) throws {
        guard let path = key.path else { return }
        let keyPath = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let rootPath = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        if keyPath.hasPrefix(rootPath + "/") { throw PublishError.keyInsidePublishRoot(path: path, root: root) }
    }
}

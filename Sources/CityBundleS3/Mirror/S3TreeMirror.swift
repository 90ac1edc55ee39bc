import Foundation

/// Publishes a local CityBundle publish root to `s3://bucket/prefix/` with the guarantees of the directory
/// target.
///
/// - Immutability: every local version whose `manifest.json` exists remotely with other bytes is refused, all
///   checked before the first upload; a version whose remote manifest is identical is complete and skipped.
/// - Order: new versions' data, then `manifest.json.sig`, then `manifest.json` (its presence marks a complete
///   upload, so an interrupted run simply continues next time); withdrawn versions' tombstones; bundle files
///   (`versions.json`, `latest.json` last); root files (`catalog.json` last); deletions of remote objects with
///   no local file at the very end.
/// - Files whose remote object has the same size and MD5 ETag are not uploaded again.
public struct S3TreeMirror: Sendable {
    /// The local publish root.
    public let root: String
    /// The bucket and prefix.
    public let destination: S3Location
    /// Where objects go.
    public let store: any S3ObjectStore
    /// Uploads of one version's data files in flight at once.
    public let concurrency: Int
    /// Whether to hold the publisher's lock on the root while mirroring.
    public let takesPublishLock: Bool

    /// The largest remote `manifest.json` read for the immutability check.
    public static let maxManifestSize = 64 << 20

    /// A mirror of `root` to `destination` through `store`.
    public init(
        root: String, destination: S3Location, store: any S3ObjectStore, concurrency: Int = 4,
        takesPublishLock: Bool = true
    ) {
        self.root = root
        self.destination = destination
        self.store = store
        self.concurrency = max(1, concurrency)
        self.takesPublishLock = takesPublishLock
    }

    /// What ``run(progress:)`` would do now, without changing anything.
    /// - Throws: ``MirrorError`` (version conflicts included), or the store's errors (``S3Error``).
    public func plan() async throws -> MirrorPlan {
        let lock = takesPublishLock ? try PublishRootLock(root) : nil
        defer { lock?.release() }
        return try await plan(PublishTree(scanning: root)).plan
    }

    /// Mirrors the root: checks every version, then uploads and deletes in the guaranteed order.
    /// - Parameter progress: called after each upload and deletion.
    /// - Throws: ``MirrorError`` before any change (version conflicts, a running publish), or the store's errors
    ///   (``S3Error``); a run stopped by an error is continued by the next one.
    public func run(progress: (@Sendable (MirrorEvent) -> Void)? = nil) async throws -> MirrorSummary {
        let lock = takesPublishLock ? try PublishRootLock(root) : nil
        defer { lock?.release() }
        let (tree, plan) = try await plan(PublishTree(scanning: root))
        var summary = MirrorSummary(
            unchanged: plan.unchanged.count, filesInPresentVersions: plan.filesInPresentVersions,
            versionsUploaded: plan.newVersions, versionsAlreadyPresent: plan.presentVersions,
            ignoredLocalPaths: tree.ignored)
        for group in plan.groups {
            try await forEach(group) { upload in
                try await store.putObject(
                    key: upload.key, fileAt: "\(tree.root)/\(upload.relativePath)", sha256Hex: nil,
                    contentType: upload.contentType, cacheControl: upload.cacheControl)
                return upload
            } done: { upload in
                summary.uploaded.append(upload.relativePath)
                summary.uploadedBytes += upload.size
                progress?(.uploaded(relativePath: upload.relativePath, bytes: upload.size))
            }
        }
        for key in plan.deletions {
            try await store.deleteObject(key: key)
            summary.deleted.append(key)
            progress?(.deleted(key: key))
        }
        return summary
    }

    /// The tree and the plan: lists the destination and reads the remote manifests of local versions.
    private func plan(_ tree: PublishTree) async throws -> (tree: PublishTree, plan: MirrorPlan) {
        let remote = try await store.listObjects(prefix: destination.prefix)
        let remoteKeys = Set(remote.map(\.key))
        var manifests: [String: Data] = [:]
        for version in tree.bundles.flatMap(\.versions) where version.state == .published {
            let key = destination.key(version.marker.relativePath)
            guard remoteKeys.contains(key),
                let bytes = try await store.getObject(key: key, maxSize: Self.maxManifestSize)
            else { continue }
            manifests[version.marker.relativePath] = bytes
        }
        return (tree, try MirrorPlan(tree: tree, destination: destination, remote: remote, remoteManifests: manifests))
    }

    /// Runs `operation` on every item with at most ``concurrency`` in flight, calling `done` (on this task) as
    /// each finishes; the first error cancels the rest and is rethrown.
    private func forEach<Item: Sendable, Result: Sendable>(
        _ items: [Item], _ operation: @escaping @Sendable (Item) async throws -> Result,
        done: (Result) -> Void
    ) async throws {
        try await withThrowingTaskGroup(of: Result.self) { group in
            var next = items.makeIterator()
            for _ in 0..<concurrency {
                guard let item = next.next() else { break }
                group.addTask { try await operation(item) }
            }
            while let result = try await group.next() {
                done(result)
                if let item = next.next() { group.addTask { try await operation(item) } }
            }
        }
    }
}

public import Foundation

/// What one mirror run will do, decided before anything is uploaded: uploads in order, files skipped,
/// objects deleted at the end, and which versions are new or already complete at the destination.
///
/// Built from the local tree, the remote listing and the remote manifests of versions that exist on both sides;
/// it reads local files (manifests, and the MD5 of files whose remote twin has the same size) but never the
/// network.
public struct MirrorPlan: Sendable {
    /// The part of the run an upload belongs to, in run order.
    public enum Stage: Int, Sendable, Hashable, Comparable {
        /// A new version's data files and subfolders.
        case versionData
        /// A new version's `manifest.json.sig`.
        case versionSignature
        /// A new version's `manifest.json`, the marker of a complete upload.
        case versionManifest
        /// A withdrawn version's `WITHDRAWN.json.sig` and `WITHDRAWN.json`.
        case withdrawal
        /// `collection.json`, `index.html`, `versions.json(.sig)`, `latest.json(.sig)` and other bundle files.
        case bundleFiles
        /// `keys.json(.sig)`, `catalog.json` and other root files.
        case rootFiles

        /// Stages compare in run order.
        public static func < (lhs: Stage, rhs: Stage) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// One file to upload.
    public struct Upload: Sendable, Hashable {
        /// The path relative to the publish root.
        public var relativePath: String
        /// The object key.
        public var key: String
        /// The size in bytes.
        public var size: Int64
        /// The stage it belongs to.
        public var stage: Stage
        /// The `Content-Type` it is stored with.
        public var contentType: String
        /// The `Cache-Control` it is stored with.
        public var cacheControl: String
    }

    /// Uploads in groups: groups run one after another; the uploads inside one group may run in parallel.
    public var groups: [[Upload]] = []
    /// Local files left alone because the remote object has the same size and MD5 ETag.
    public var unchanged: [String] = []
    /// Files of versions already complete at the destination (their sizes checked in the listing, not their bytes).
    public var filesInPresentVersions = 0
    /// Keys under the prefix with no local file, deleted last (`manifest.json` keys first).
    public var deletions: [String] = []
    /// `bundle@version` of versions to upload.
    public var newVersions: [String] = []
    /// `bundle@version` of versions whose remote `manifest.json` equals the local one.
    public var presentVersions: [String] = []

    /// Every upload in run order.
    public var uploads: [Upload] { groups.flatMap { $0 } }

    /// Whether the run would change nothing at the destination.
    public var isEmpty: Bool { groups.isEmpty && deletions.isEmpty }

    /// Plans mirroring `tree` to `destination`.
    ///
    /// - Parameters:
    ///   - remote: every object under `destination.prefix`.
    ///   - remoteManifests: the bytes of remote `manifest.json` objects by path relative to the prefix, at least
    ///     for every local published version whose manifest is in `remote`.
    /// - Throws: ``MirrorError/versionConflicts(destination:conflicts:)`` listing every version whose remote
    ///   manifest differs or that is withdrawn remotely, before anything is planned; ``MirrorError/io(path:reason:)``.
    public init(
        tree: PublishTree, destination: S3Location, remote: [S3ObjectInfo], remoteManifests: [String: Data]
    ) throws(MirrorError) {
        var remoteByPath: [String: S3ObjectInfo] = [:]
        for object in remote where object.key.hasPrefix(destination.prefix) {
            remoteByPath[String(object.key.dropFirst(destination.prefix.count))] = object
        }
        try checkVersions(tree: tree, destination: destination, remote: remoteByPath, manifests: remoteManifests)
        var planner = Planner(tree: tree, destination: destination, remote: remoteByPath)
        for bundle in tree.bundles {
            for version in bundle.versions where version.state == .published {
                if presentVersions.contains(version.name) {
                    // Complete at the destination; a file that went missing there (or has another size) is put
                    // back, the manifest telling that the local bytes are the published ones.
                    let files = version.dataFiles + [version.signature].compactMap { $0 }
                    let damaged = files.filter { remoteByPath[$0.relativePath]?.size != $0.size }
                    filesInPresentVersions += files.count + 1 - damaged.count
                    try planner.add(damaged, stage: .versionData, together: true, comparing: false)
                    continue
                }
                newVersions.append(version.name)
                try planner.add(version.dataFiles, stage: .versionData, together: true)
                try planner.add([version.signature].compactMap { $0 }, stage: .versionSignature)
                try planner.add([version.marker], stage: .versionManifest, comparing: false)
            }
        }
        for bundle in tree.bundles {
            for version in bundle.versions where version.state == .withdrawn {
                try planner.add([version.signature, version.marker].compactMap { $0 }, stage: .withdrawal)
            }
        }
        for bundle in tree.bundles {
            try planner.add(
                Self.ordered(bundle.files, folder: bundle.name + "/", last: Self.bundleFilesLast), stage: .bundleFiles)
        }
        try planner.add(Self.ordered(tree.rootFiles, folder: "", last: Self.rootFilesLast), stage: .rootFiles)
        groups = planner.groups
        unchanged = planner.unchanged
        deletions = Self.deletions(tree: tree, remote: remoteByPath).map(destination.key)
    }

    /// Bundle files uploaded after any other bundle file, in this order: the pointers come last.
    static let bundleFilesLast = [
        "collection.json", "index.html", "versions.json.sig", "versions.json", "latest.json.sig", "latest.json",
    ]
    /// Root files uploaded after any other root file, in this order: the catalog comes last.
    static let rootFilesLast = ["keys.json.sig", "keys.json", "catalog.json"]

    /// Remote paths with no local file: `manifest.json` files first (so a half-deleted version never looks
    /// complete), then the rest, each sorted.
    private static func deletions(tree: PublishTree, remote: [String: S3ObjectInfo]) -> [String] {
        let local = Set(tree.allFiles.map(\.relativePath))
        let extra = remote.keys.filter { !local.contains($0) }
        let isManifest = { (path: String) in path.hasSuffix("/" + PublishTree.manifestFile) }
        return extra.filter(isManifest).sorted() + extra.filter { !isManifest($0) }.sorted()
    }

    /// Every version conflict, thrown together; fills ``presentVersions``.
    private mutating func checkVersions(
        tree: PublishTree, destination: S3Location, remote: [String: S3ObjectInfo], manifests: [String: Data]
    ) throws(MirrorError) {
        var conflicts: [MirrorError.VersionConflict] = []
        for bundle in tree.bundles {
            for version in bundle.versions where version.state == .published {
                let folder = "\(version.bundle)/\(version.version)/"
                if remote[folder + PublishTree.tombstoneFile] != nil {
                    conflicts.append(
                        .init(bundle: version.bundle, version: version.version, reason: .withdrawnAtDestination))
                    continue
                }
                guard remote[version.marker.relativePath] != nil else { continue }
                let local = try Self.contents(tree.path(version.marker))
                if manifests[version.marker.relativePath] == local {
                    presentVersions.append(version.name)
                } else {
                    conflicts.append(.init(bundle: version.bundle, version: version.version, reason: .manifestDiffers))
                }
            }
        }
        if !conflicts.isEmpty { throw .versionConflicts(destination: destination.description, conflicts: conflicts) }
    }

    /// `files` with those named in `last` (directly in `folder`) moved to the end in that order.
    private static func ordered(_ files: [PublishTree.File], folder: String, last: [String]) -> [PublishTree.File] {
        let lastPaths = last.map { folder + $0 }
        return files.filter { !lastPaths.contains($0.relativePath) }
            + lastPaths.compactMap { path in files.first { $0.relativePath == path } }
    }

    private static func contents(_ path: String) throws(MirrorError) -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .io(path: path, reason: error.localizedDescription)
        }
    }
}

/// Builds the upload groups, skipping files whose remote twin is identical.
private struct Planner {
    let tree: PublishTree
    let destination: S3Location
    let remote: [String: S3ObjectInfo]
    var groups: [[MirrorPlan.Upload]] = []
    var unchanged: [String] = []

    /// Adds `files` for `stage`: one group for all of them when `together`, else one group each, in order.
    /// Files identical at the destination are skipped unless `comparing` is off.
    mutating func add(
        _ files: [PublishTree.File], stage: MirrorPlan.Stage, together: Bool = false, comparing: Bool = true
    ) throws(MirrorError) {
        var uploads: [MirrorPlan.Upload] = []
        for file in files {
            if comparing, try isUnchanged(file) {
                unchanged.append(file.relativePath)
                continue
            }
            uploads.append(
                MirrorPlan.Upload(
                    relativePath: file.relativePath, key: destination.key(file.relativePath), size: file.size,
                    stage: stage, contentType: ObjectHeaders.contentType(for: file.relativePath),
                    cacheControl: stage <= .versionManifest
                        ? ObjectHeaders.immutableCacheControl : ObjectHeaders.revalidateCacheControl))
        }
        if together {
            if !uploads.isEmpty { groups.append(uploads) }
        } else {
            groups += uploads.map { [$0] }
        }
    }

    /// Whether the remote object has the file's size and its MD5 as ETag.
    private func isUnchanged(_ file: PublishTree.File) throws(MirrorError) -> Bool {
        guard let object = remote[file.relativePath], object.size == file.size else { return false }
        return try FileMD5.hex(ofFileAt: tree.path(file)) == object.eTag.lowercased()
    }
}

import CityBundlePublish
import Foundation

/// Assembles one version in a staging folder (reused, resumed and new files, each verified) and renames it
/// into place.
struct VersionDownload {
    let bundle: String
    let selection: VersionSelection
    let destination: String
    let work: String
    let parallelism: Int
    let progress: (@Sendable (FetchProgress) -> Void)?

    private var version: String { selection.record.version }
    private var final: String { "\(destination)/\(bundle)/\(version)" }
    private var temporary: String { "\(work)/\(bundle)/\(version)" }
    private var stage: String { "\(temporary)/stage" }
    private var parts: String { "\(temporary)/parts" }

    /// Fetches what is missing and puts the version in place.
    mutating func run(transport: any FetchTransport) async throws -> FetchResult {
        let entries = selection.manifest.files
        var result = FetchResult(
            bundle: bundle, version: version, directory: final, downloaded: [], resumed: [], reused: [],
            bytesReceived: 0, alreadyPresent: false, updatedLatest: false, notes: [])
        if LocalFiles.isDirectory(final), isComplete(final) {
            result.alreadyPresent = true
            return result
        }
        let tracker = ProgressTracker(
            filesTotal: entries.count, bytesTotal: entries.reduce(0) { $0 + $1.size }, report: progress)
        let reuse = ReuseIndex(destination: destination, bundle: bundle, excluding: version)
        var queue: [ManifestEntry] = []
        for entry in entries {
            let staged = "\(stage)/\(entry.path)"
            if LocalFiles.matches(staged, size: entry.size, sha256: entry.sha256) {
                tracker.finished(entry.path, addingBytes: entry.size)
            } else if let source = reuse.candidate(for: entry) {
                try LocalFiles.linkOrCopy(source, to: staged)
                result.reused.append(entry.path)
                tracker.finished(entry.path, addingBytes: entry.size)
            } else {
                queue.append(entry)
            }
        }
        result.resumed = try await download(queue, transport: transport, tracker: tracker)
        result.downloaded = queue.map(\.path)
        result.bytesReceived = tracker.bytesReceived
        try install()
        return result
    }

    /// Whether `folder` holds exactly the manifest and every listed file with its size and SHA-256.
    private func isComplete(_ folder: String) -> Bool {
        guard FileManager.default.contents(atPath: "\(folder)/manifest.json") == selection.manifestBytes else {
            return false
        }
        return selection.manifest.files.allSatisfy {
            LocalFiles.matches("\(folder)/\($0.path)", size: $0.size, sha256: $0.sha256)
        }
    }

    /// Downloads `queue` with at most `parallelism` files at once; returns the files that were resumed.
    private func download(_ queue: [ManifestEntry], transport: any FetchTransport, tracker: ProgressTracker)
        async throws -> [String]
    {
        let context = DownloadContext(
            bundle: bundle, version: version, stage: stage, parts: parts, transport: transport, tracker: tracker)
        var resumed: [String] = []
        try await withThrowingTaskGroup(of: (String, Bool).self) { group in
            var pending = queue[...]
            for _ in 0..<min(parallelism, pending.count) {
                let entry = pending.removeFirst()
                group.addTask { (entry.path, try await context.fetch(entry)) }
            }
            while let (path, wasResumed) = try await group.next() {
                if wasResumed { resumed.append(path) }
                if let entry = pending.popFirst() {
                    group.addTask { (entry.path, try await context.fetch(entry)) }
                }
            }
        }
        return resumed.sorted()
    }

    /// Adds the signed manifest, fsyncs the staged version and renames it to its final folder.
    private func install() throws {
        try LocalFiles.writeAtomically(selection.manifestBytes, to: "\(stage)/manifest.json")
        try LocalFiles.writeAtomically(selection.manifestSignature, to: "\(stage)/manifest.json.sig")
        try LocalFiles.syncTree(stage)
        let bundleFolder = "\(destination)/\(bundle)"
        do {
            try FileManager.default.createDirectory(atPath: bundleFolder, withIntermediateDirectories: true)
        } catch {
            throw FetchError.io(path: bundleFolder, message: "cannot create the folder: \(error)")
        }
        if FileManager.default.fileExists(atPath: final) {
            // An incomplete or damaged local copy of the same version: swap it out.
            let previous = "\(temporary)/previous-\(UUID().uuidString)"
            try LocalFiles.move(final, to: previous)
            try LocalFiles.move(stage, to: final)
        } else {
            try LocalFiles.move(stage, to: final)
        }
        try LocalFiles.sync(bundleFolder)
        LocalFiles.remove(temporary)
    }
}

/// What one parallel download needs (all `Sendable`).
private struct DownloadContext: Sendable {
    let bundle: String
    let version: String
    let stage: String
    let parts: String
    let transport: any FetchTransport
    let tracker: ProgressTracker

    /// Downloads `entry` to its `.part` (continuing it when it exists), verifies size and SHA-256 and moves it
    /// into the staging folder. Interrupted transfers are retried (continued) up to three times.
    /// - Returns: whether the download continued an earlier partial file.
    func fetch(_ entry: ManifestEntry) async throws -> Bool {
        let remote = "\(bundle)/\(version)/\(entry.path)"
        let part = "\(parts)/\(entry.path).part"
        try LocalFiles.createParent(of: part)
        var resumed = false
        let attempts = 3
        for attempt in 1...attempts {
            try Task.checkCancellation()
            let had = fileSize(part) ?? 0
            if had > entry.size { LocalFiles.remove(part) }
            let start = fileSize(part) ?? 0
            if start < entry.size || entry.size == 0 {
                do {
                    let continued = try await transport.download(
                        remote, to: part, expectedSize: entry.size,
                        received: { [tracker] in tracker.received($0, file: entry.path) })
                    resumed = resumed || continued
                } catch let error as FetchError {
                    if case .io = error, attempt < attempts { continue }
                    if case .verification = error { LocalFiles.remove(part) }
                    throw error
                }
            }
            guard let digest = LocalFiles.digest(part) else {
                throw FetchError.io(path: part, message: "cannot read the downloaded file")
            }
            if digest.size < entry.size, attempt < attempts { continue }
            guard digest.size == entry.size else {
                LocalFiles.remove(part)
                throw FetchError.verification(
                    path: remote, message: "\(digest.size) bytes, the signed manifest says \(entry.size)")
            }
            guard digest.sha256 == entry.sha256 else {
                LocalFiles.remove(part)
                throw FetchError.verification(
                    path: remote,
                    message:
                        "SHA-256 \(digest.sha256) differs from the signed manifest's \(entry.sha256); the download was discarded"
                )
            }
            let staged = "\(stage)/\(entry.path)"
            try LocalFiles.createParent(of: staged)
            try LocalFiles.move(part, to: staged)
            tracker.finished(entry.path, addingBytes: start)
            return resumed
        }
        throw FetchError.io(path: remote, message: "download did not complete after \(attempts) attempts")
    }
}

/// Files of versions already on disk, by SHA-256 and by path, to reuse unchanged files.
private struct ReuseIndex {
    private var bySHA256: [String: [String]] = [:]
    private var folders: [String] = []

    /// The local versions of `bundle` under `destination`, newest first, except `excluding`.
    init(destination: String, bundle: String, excluding: String) {
        let base = "\(destination)/\(bundle)"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []
        let versions = names.compactMap { name in BundleVersion(name).map { (name, $0) } }
            .filter { $0.0 != excluding && LocalFiles.isDirectory("\(base)/\($0.0)") }
            .sorted { $0.1 > $1.1 }
        for (name, _) in versions {
            let folder = "\(base)/\(name)"
            folders.append(folder)
            guard let data = FileManager.default.contents(atPath: "\(folder)/manifest.json"),
                let manifest = CanonicalJSON.decode(Manifest.self, from: data)
            else { continue }
            for entry in manifest.files where BundleFetcher.isSafePath(entry.path) {
                bySHA256[entry.sha256, default: []].append("\(folder)/\(entry.path)")
            }
        }
    }

    /// A local file with exactly the entry's size and SHA-256 (checked now, not trusted from the old manifest).
    func candidate(for entry: ManifestEntry) -> String? {
        let samePath = folders.map { "\($0)/\(entry.path)" }
        for path in (bySHA256[entry.sha256] ?? []) + samePath
        where LocalFiles.matches(path, size: entry.size, sha256: entry.sha256) {
            return path
        }
        return nil
    }
}

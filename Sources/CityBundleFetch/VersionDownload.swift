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

import CityBundlePublish
import Foundation

/// Downloads one published version into a local folder and verifies everything before it is put in place.
///
/// Keys are pinned (given, or on first use) and followed through signed rotations; `versions.json`,
/// `latest.json` and the manifest must be signed by a trusted key and agree; withdrawn versions and rollbacks
/// (an older `versions.json` or `latest.json` than seen before) are refused. Files are downloaded in parallel to
/// `.part` files under `<destination>/.citybundle-fetch/`, continued with `Range` after an interruption, cut off
/// past the signed size and checked against the signed SHA-256. Only when every file verifies is the version
/// renamed to `<destination>/<bundle>/<version>/` and `<destination>/<bundle>/latest` rewritten; a failed fetch
/// leaves the previous copy as it was. Unchanged files are hard-linked (or copied) from versions already on disk.
public struct BundleFetcher: Sendable {
    /// Called as files and bytes arrive.
    public var progress: (@Sendable (FetchProgress) -> Void)?

    /// A fetcher reporting to `progress`.
    public init(progress: (@Sendable (FetchProgress) -> Void)? = nil) {
        self.progress = progress
    }

    /// Fetches `request`.
    /// - Throws: `FetchError` (verification 5, I/O 3, usage 2), `PublishError` for unreadable key files.
    public func fetch(_ request: FetchRequest) async throws -> FetchResult {
        guard Self.isSafeName(request.bundle) else {
            throw FetchError.usage("'\(request.bundle)' is not a bundle id")
        }
        guard request.parallelism >= 1 else { throw FetchError.usage("parallelism must be at least 1") }
        let destination = URL(fileURLWithPath: request.destination).standardizedFileURL.path
        let work = "\(destination)/.citybundle-fetch"
        do {
            try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        } catch {
            throw FetchError.io(path: work, message: "cannot create the folder: \(error)")
        }
        let lock = try FetchLock("\(work)/lock")
        defer { lock.release() }
        let transport = try Self.transport(for: request.source)
        do {
            let result = try await run(request, destination: destination, work: work, transport: transport)
            await transport.shutdown()
            return result
        } catch {
            await transport.shutdown()
            throw error
        }
    }

    private func run(_ request: FetchRequest, destination: String, work: String, transport: any FetchTransport)
        async throws -> FetchResult
    {
        let statePath = request.statePath ?? "\(work)/state.json"
        var state = try FetchState.load(statePath)
        let source = Self.normalizedSource(request.source)
        let (trusted, keyNotes) = try await KeyTrust.establish(
            transport: transport, source: source, keyFiles: request.keyFiles, state: &state,
            scratch: "\(work)/keys-\(UUID().uuidString)")
        let selection = try await VersionSelection.load(
            bundle: request.bundle, requested: request.version, transport: transport, trusted: trusted,
            seen: state.seen)
        let version = selection.record.version
        for entry in selection.manifest.files where !Self.isSafePath(entry.path) {
            throw FetchError.verification(
                path: "\(request.bundle)/\(selection.record.manifest.path)",
                message: "lists the unsafe path '\(entry.path)'")
        }
        var job = VersionDownload(
            bundle: request.bundle, selection: selection, destination: destination, work: work,
            parallelism: request.parallelism, progress: progress)
        var result = try await job.run(transport: transport)
        result.notes = keyNotes + result.notes
        result.updatedLatest = try updateLatest(
            destination: destination, bundle: request.bundle, version: version, requestedLatest: request.version == nil)
        state.seen = selection.advancing(state.seen, bundle: request.bundle)
        try state.save(statePath)
        result.notes += Self.withdrawnLocalVersions(
            destination: destination, bundle: request.bundle, selection.versions)
        return result
    }

    /// Points `<destination>/<bundle>/latest` at `version` when it is the latest or newer than the local one.
    private func updateLatest(destination: String, bundle: String, version: String, requestedLatest: Bool) throws
        -> Bool
    {
        let path = "\(destination)/\(bundle)/latest"
        let current = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(
            in: .whitespacesAndNewlines)
        if !requestedLatest, let current, let local = BundleVersion(current), let new = BundleVersion(version),
            new < local
        {
            return false
        }
        if current == version { return true }
        try LocalFiles.writeAtomically(Data((version + "\n").utf8), to: path)
        return true
    }

    /// Notes for versions on disk that the publisher has since withdrawn.
    private static func withdrawnLocalVersions(destination: String, bundle: String, _ versions: VersionsIndex)
        -> [String]
    {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "\(destination)/\(bundle)")) ?? []
        return names.compactMap { name in
            guard let parsed = BundleVersion(name), let record = versions.record(parsed), record.status == .withdrawn
            else { return nil }
            return
                "\(destination)/\(bundle)/\(name) was withdrawn by the publisher: \(record.withdrawal?.reason ?? "no reason given")"
        }
    }

    /// The transport for `source`.
    static func transport(for source: String) throws -> any FetchTransport {
        let lower = source.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") { return HTTPTransport(base: source) }
        if lower.hasPrefix("file://") {
            guard let url = URL(string: source), url.isFileURL else {
                throw FetchError.usage("'\(source)' is not a file URL")
            }
            return FileTransport(root: url.standardizedFileURL.path)
        }
        if LocalFiles.isDirectory(source) {
            return FileTransport(root: URL(fileURLWithPath: source).standardizedFileURL.path)
        }
        throw FetchError.usage("'\(source)' is not an http://, https:// or file:// URL of a publish root")
    }

    /// The key under which keys are pinned for `source`.
    static func normalizedSource(_ source: String) -> String {
        var text = source
        while text.hasSuffix("/") { text.removeLast() }
        if !text.contains("://") { text = URL(fileURLWithPath: text).standardizedFileURL.absoluteString }
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }

    static func isSafeName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.contains("\\") && name.utf8.count <= 255
            && !name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }

    static func isSafePath(_ path: String) -> Bool {
        !path.hasPrefix("/")
            && path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy {
                isSafeName(String($0))
            }
    }
}

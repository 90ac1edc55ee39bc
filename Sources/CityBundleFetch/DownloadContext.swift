import CityBundlePublish
import Foundation

/// What one parallel download needs (all `Sendable`).
struct DownloadContext: Sendable {
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

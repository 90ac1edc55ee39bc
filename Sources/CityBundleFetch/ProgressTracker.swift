import Foundation

/// Counts finished files and bytes across parallel downloads and reports them.
final class ProgressTracker: @unchecked Sendable {
    // Counters are only touched under `lock`.
    private let lock = NSLock()
    private let report: (@Sendable (FetchProgress) -> Void)?
    private var state: FetchProgress
    private var received: Int64 = 0

    init(filesTotal: Int, bytesTotal: Int64, report: (@Sendable (FetchProgress) -> Void)?) {
        self.report = report
        state = FetchProgress(file: "", filesDone: 0, filesTotal: filesTotal, bytesDone: 0, bytesTotal: bytesTotal)
    }

    /// Bytes of `file` arrived over the transport.
    func received(_ count: Int, file: String) {
        let snapshot = lock.withLock {
            received += Int64(count)
            state.bytesDone += Int64(count)
            state.file = file
            return state
        }
        report?(snapshot)
    }

    /// `file` is complete; `bytes` were put in place without being received now (reused or from earlier runs).
    func finished(_ file: String, addingBytes bytes: Int64) {
        let snapshot = lock.withLock {
            state.filesDone += 1
            state.bytesDone += bytes
            state.file = file
            return state
        }
        report?(snapshot)
    }

    /// Forgets `count` bytes counted for a download that is started over.
    func discard(_ count: Int64) {
        lock.withLock { state.bytesDone -= count }
    }

    /// Bytes received over the transport in all.
    var bytesReceived: Int64 { lock.withLock { received } }
}

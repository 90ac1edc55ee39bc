import CityBundleWorkflow
import Foundation

/// A one-line progress bar per source on standard error: count, features/s and ETA.
/// Used only when standard error is a terminal and logs are text.
final class TerminalProgress: RunProgress, @unchecked Sendable {
    // Mutable state is guarded by `lock`; the writer thread and the main thread both call in.
    private let lock = NSLock()
    private var started = Date()
    private var expected: Int64?
    private var lastDraw = Date.distantPast

    func started(source: String, expected: Int64?) {
        lock.withLock {
            started = Date()
            self.expected = expected
            lastDraw = .distantPast
        }
    }

    func advanced(source: String, read: Int) {
        lock.withLock {
            let now = Date()
            guard now.timeIntervalSince(lastDraw) >= 0.2 else { return }
            lastDraw = now
            draw(source: source, read: read, done: false, now: now)
        }
    }

    func finished(source: String, read: Int) {
        lock.withLock { draw(source: source, read: read, done: true, now: Date()) }
    }

    private func draw(source: String, read: Int, done: Bool, now: Date) {
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let rate = Double(read) / elapsed
        var line = "\(source): \(read)"
        if let expected, expected > 0 {
            let fraction = min(1, Double(read) / Double(expected))
            let width = 24
            let filled = Int(fraction * Double(width))
            line +=
                "/\(expected) [" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
                + "]"
            if !done, rate > 0 {
                line += " ETA \(Int((Double(expected) - Double(read)) / rate))s"
            }
        }
        line += " \(Int(rate)) features/s"
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line + (done ? "\n" : "")).utf8))
    }
}

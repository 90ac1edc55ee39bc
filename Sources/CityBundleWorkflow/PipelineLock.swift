public import CityBundleModel
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One run per pipeline at a time: an exclusive `flock(2)` on `<state>/<pipeline>/lock`. The kernel
/// releases it when the holder exits, however it exits, so a lock left by a killed run is simply
/// taken over (and reported). The file records who holds it, for the message a second run prints.
public final class PipelineLock {
    private let descriptor: Int32
    public let path: String
    /// The holder recorded by a previous run that ended without releasing the lock (killed), if any.
    public let staleHolder: String?

    /// Takes the lock; throws `LockHeldError` (exit 4) when another run holds it, unless `wait`.
    public init(path: String, wait: Bool) throws {
        self.path = path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw WorkflowError(
                message: "\(path): cannot open the lock file: \(String(cString: strerror(errno)))", exitStatus: .io)
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK, wait else {
                let holder = PipelineLock.read(descriptor)
                close(descriptor)
                throw LockHeldError(path: path, holder: holder)
            }
            while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
        }
        self.descriptor = descriptor
        let previous = PipelineLock.read(descriptor)
        staleHolder = previous.isEmpty ? nil : previous
        let holder =
            "pid \(getpid()) on \(ProcessInfo.processInfo.hostName) since \(ISO8601DateFormatter().string(from: Date()))"
        _ = ftruncate(descriptor, 0)
        _ = holder.withCString { pwrite(descriptor, $0, strlen($0), 0) }
        _ = fsync(descriptor)
    }

    deinit {
        // An empty lock file means the last holder finished cleanly.
        _ = ftruncate(descriptor, 0)
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    private static func read(_ descriptor: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 512)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return "" }
        return String(decoding: buffer.prefix(count), as: UTF8.self)
    }
}

/// Another run of the same pipeline holds the lock.
public struct LockHeldError: CityBundleError {
    public var path: String
    public var holder: String
    public var exitStatus: ExitStatus { .lockHeld }
    public var description: String {
        "another run of this pipeline is in progress (\(holder.isEmpty ? "holder unknown" : holder)); lock \(path). Use --wait to queue behind it."
    }
}

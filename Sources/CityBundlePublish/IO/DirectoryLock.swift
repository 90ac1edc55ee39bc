#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive `flock(2)` on a directory, so two publishes into one root never interleave. The lock goes with
/// the process: a killed publish leaves no stale lock file behind (there is no lock file at all).
final class DirectoryLock {
    private var descriptor: Int32

    /// Takes the lock on `path` without waiting.
    /// - Throws: `PublishError.lockHeld` when another process holds it, `PublishError.io` when `path` cannot be opened.
    init(_ path: String) throws {
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw PublishError.io(path: path, operation: "open directory", reason: String(cString: strerror(errno)))
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            _ = close(descriptor)
            descriptor = -1
            if code == EWOULDBLOCK { throw PublishError.lockHeld(path) }
            throw PublishError.io(path: path, operation: "lock", reason: String(cString: strerror(code)))
        }
    }

    deinit { release() }

    /// Releases the lock; safe to call twice.
    func release() {
        guard descriptor >= 0 else { return }
        _ = flock(descriptor, LOCK_UN)
        _ = close(descriptor)
        descriptor = -1
    }
}

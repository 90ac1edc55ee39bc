#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The publisher's exclusive `flock(2)` on the publish root, taken without waiting so a mirror never reads a root
/// while a publish, withdrawal or prune changes it (and a publish waits for the mirror's end in turn).
final class PublishRootLock {
    private var descriptor: Int32

    /// Takes the lock on the folder `path`.
    /// - Throws: ``MirrorError/lockHeld(path:)`` when a publish holds it, ``MirrorError/io(path:reason:)``.
    init(_ path: String) throws(MirrorError) {
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .io(path: path, reason: String(cString: strerror(errno))) }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            _ = close(descriptor)
            descriptor = -1
            if code == EWOULDBLOCK { throw .lockHeld(path: path) }
            throw .io(path: path, reason: String(cString: strerror(code)))
        }
    }

    /// Releases the lock (also done on deinit).
    func release() {
        guard descriptor >= 0 else { return }
        _ = close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}

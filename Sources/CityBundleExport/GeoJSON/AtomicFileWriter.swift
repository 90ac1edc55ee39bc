#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file so that readers only ever see nothing or the complete file.
///
/// Bytes go to a temporary file `.<name>.tmp-<random>` in the destination's directory (same file system, so
/// the final `rename(2)` is atomic). `finish()` fsyncs the file, renames it over `path` (replacing an
/// existing file) and fsyncs the directory. `abort()`, any thrown error and deinitialising an unfinished
/// writer close and remove the temporary file, so no partial output is left behind.
///
/// The temporary file is created by `open()`, or implicitly by the first `write` or by `finish`.
/// `write` is unbuffered: callers batch their bytes (e.g. in ~1 MiB chunks). Not thread-safe; one owner.
public final class AtomicFileWriter {
    /// The final path.
    public let path: String
    /// The temporary file that receives the bytes until `finish()`.
    public let temporaryPath: String
    /// Bytes written so far.
    public private(set) var bytesWritten: Int64 = 0

    private enum State {
        case idle
        case open(Int32)
        case finished
        case aborted
    }

    private var state = State.idle

    /// The file's permission bits (0644 for published files, 0600 for private state).
    public let permissions: UInt32

    /// Prepares to write `path`; nothing touches the file system until `open()` or the first write.
    public init(path: String, permissions: UInt32 = 0o644) {
        self.path = path
        self.permissions = permissions
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        self.temporaryPath = "\(directory).\(name).tmp-\(random)"
    }

    deinit {
        abort()
    }

    /// The directory that holds `path`, for the final directory fsync.
    private var directory: String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Creates the temporary file; does nothing when it is already open.
    /// - Throws: `OutputError` when it cannot be created, or when the writer is finished or aborted.
    public func open() throws {
        switch state {
        case .open: return
        case .finished: throw misuse("the output is already finished")
        case .aborted: throw misuse("the output was aborted")
        case .idle: break
        }
        let flags = O_WRONLY | O_CREAT | O_EXCL | O_TRUNC | O_CLOEXEC
        let descriptor = retryingOnInterrupt { systemOpen(temporaryPath, flags, mode_t(permissions)) }
        guard descriptor >= 0 else {
            let code = errno
            state = .aborted
            throw failure("create temporary file for", code)
        }
        state = .open(descriptor)
    }

    /// Writes `bytes` to the temporary file.
    /// - Throws: `OutputError`; the temporary file is removed first.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        try open()
        guard case .open(let descriptor) = state else { return }
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                let code = errno
                if code == EINTR { continue }
                abort()
                throw failure("write", code)
            }
            offset += written
        }
        bytesWritten += Int64(bytes.count)
    }

    /// Writes `bytes` to the temporary file.
    /// - Throws: `OutputError`; the temporary file is removed first.
    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Makes the output durable and visible: fsync, close, rename to `path`, fsync the directory.
    ///
    /// Creates an empty file when nothing was written.
    /// - Throws: `OutputError`. Before the rename the temporary file is removed and `path` is untouched;
    ///   if only the final directory fsync fails, `path` already holds the complete file.
    public func finish() throws {
        try open()
        guard case .open(let descriptor) = state else { return }
        if retryingOnInterrupt({ fsync(descriptor) }) != 0 {
            let code = errno
            abort()
            throw failure("fsync", code)
        }
        state = .aborted  // the descriptor is closed below whatever happens
        if close(descriptor) != 0 {
            let code = errno
            _ = unlink(temporaryPath)
            throw failure("close", code)
        }
        if rename(temporaryPath, path) != 0 {
            let code = errno
            _ = unlink(temporaryPath)
            throw failure("rename temporary file to", code)
        }
        state = .finished
        try syncDirectory()
    }

    /// Closes and removes the temporary file; `path` is left as it was. Safe to call at any time, also
    /// after `finish()` (then it does nothing) or twice.
    public func abort() {
        switch state {
        case .open(let descriptor):
            _ = close(descriptor)
            _ = unlink(temporaryPath)
            state = .aborted
        case .idle:
            state = .aborted
        case .finished, .aborted:
            break
        }
    }

    /// Fsyncs the destination directory so the rename itself survives a crash.
    private func syncDirectory() throws {
        let descriptor = retryingOnInterrupt { systemOpen(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0) }
        guard descriptor >= 0 else { throw failure("open directory of", errno) }
        defer { _ = close(descriptor) }
        if retryingOnInterrupt({ fsync(descriptor) }) != 0 {
            let code = errno
            // Some file systems cannot fsync a directory; that is not a failure of this output.
            if code != EINVAL && code != ENOTSUP { throw failure("fsync directory of", code) }
        }
    }

    private func failure(_ operation: String, _ code: Int32) -> OutputError {
        OutputError(path: path, operation: operation, reason: String(cString: strerror(code)), code: code)
    }

    private func misuse(_ reason: String) -> OutputError {
        OutputError(path: path, operation: "write", reason: reason)
    }
}

/// `open(2)` with an explicit mode (the C function is variadic in some module maps).
private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
    open(path, flags, mode)
}

/// `write(2)`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

/// Repeats a system call while it fails with `EINTR`.
private func retryingOnInterrupt(_ call: () -> Int32) -> Int32 {
    while true {
        let result = call()
        if result >= 0 || errno != EINTR { return result }
    }
}

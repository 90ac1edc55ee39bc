import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// File-system steps that survive a crash: fsynced writes, atomic replacement by rename, directory fsyncs,
/// read-only trees, and removal of such trees.
enum DurableFiles {
    /// Replaces `path` with `data` so readers see the old or the new file, never a mix: a temporary file in the
    /// same directory, fsync, `rename(2)`, then an fsync of the directory.
    static func writeAtomically(_ data: Data, to path: String, mode: mode_t = 0o644) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let temporary = "\(directory)/.\(url.lastPathComponent).tmp-\(randomSuffix())"
        do {
            try writeNew(data, to: temporary, mode: mode)
            try rename(temporary, to: path)
        } catch {
            _ = unlink(temporary)
            throw error
        }
        try syncDirectory(directory)
    }

    /// Creates `path` (which must not exist) holding `data`, fsynced, with `mode`.
    static func writeNew(_ data: Data, to path: String, mode: mode_t = 0o644) throws {
        let descriptor = try openExclusive(path, mode: mode)
        defer { _ = close(descriptor) }
        try data.withUnsafeBytes { try writeAll(descriptor, $0, path: path) }
        try sync(descriptor, path: path)
        if fchmod(descriptor, mode) != 0 { throw failure("chmod", path) }
    }

    /// Copies `source` to the new file `destination` in 1 MiB chunks and fsyncs it.
    static func copyFile(from source: String, to destination: String) throws {
        let input = open(source, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard input >= 0 else { throw failure("open", source) }
        defer { _ = close(input) }
        let output = try openExclusive(destination, mode: 0o644)
        defer { _ = close(output) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure("read", source)
            }
            if count == 0 { break }
            try buffer.withUnsafeBytes {
                try writeAll(output, UnsafeRawBufferPointer(rebasing: $0[..<count]), path: destination)
            }
        }
        try sync(output, path: destination)
    }

    /// Creates `path` and any missing parents, fsyncing each parent that gained a directory.
    static func createDirectory(_ path: String, mode: mode_t = 0o755) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw PublishError.io(path: path, operation: "create directory", reason: "a file is in the way")
            }
            return
        }
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if parent != path { try createDirectory(parent) }
        if mkdir(path, mode) != 0 && errno != EEXIST { throw failure("create directory", path) }
        try syncDirectory(parent)
    }

    /// Renames `source` to `destination` (atomic on one file system).
    static func rename(_ source: String, to destination: String) throws {
        if systemRename(source, destination) != 0 { throw failure("rename \(source) to", destination) }
    }

    /// Fsyncs a directory so renames and new entries in it survive a crash.
    static func syncDirectory(_ path: String) throws {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure("open directory", path) }
        defer { _ = close(descriptor) }
        if fsync(descriptor) != 0 && errno != EINVAL && errno != ENOTSUP { throw failure("fsync directory", path) }
    }

    /// Fsyncs every file and directory under `path` (children before parents).
    static func syncTree(_ path: String) throws {
        for entry in try walk(path).reversed() {
            if entry.isDirectory {
                try syncDirectory(entry.path)
            } else {
                let descriptor = open(entry.path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
                guard descriptor >= 0 else { throw failure("open", entry.path) }
                defer { _ = close(descriptor) }
                try sync(descriptor, path: entry.path)
            }
        }
        try syncDirectory(path)
    }

    /// Makes every file under `path` 0444 and every directory 0555 (the top one last).
    static func makeReadOnly(_ path: String) throws {
        for entry in try walk(path).reversed() {
            if chmod(entry.path, entry.isDirectory ? 0o555 : 0o444) != 0 { throw failure("chmod", entry.path) }
        }
        if chmod(path, 0o555) != 0 { throw failure("chmod", path) }
    }

    /// Makes `path` and every directory under it 0755 (so entries can be added and removed) and files 0644.
    static func makeWritable(_ path: String) throws {
        if chmod(path, 0o755) != 0 { throw failure("chmod", path) }
        for entry in try walk(path) {
            if chmod(entry.path, entry.isDirectory ? 0o755 : 0o644) != 0 { throw failure("chmod", entry.path) }
        }
    }

    /// Sets the permission bits of one file or directory.
    static func setMode(_ path: String, _ mode: mode_t) throws {
        if chmod(path, mode) != 0 { throw failure("chmod", path) }
    }

    /// Removes `path` and everything under it, read-only or not; nothing when it does not exist.
    static func removeTree(_ path: String) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            _ = chmod(path, 0o755)
            for entry in try walk(path) where entry.isDirectory { _ = chmod(entry.path, 0o755) }
        }
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw PublishError.io(path: path, operation: "remove", reason: "\(error)")
        }
    }

    /// Removes one file; nothing when it does not exist.
    static func removeFile(_ path: String) throws {
        if unlink(path) != 0 && errno != ENOENT { throw failure("remove", path) }
    }

    /// The file's bytes, or nil when it does not exist or cannot be read.
    static func contents(_ path: String) -> Data? {
        FileManager.default.contents(atPath: path)
    }

    /// Whether a file or directory exists at `path` (a symlink counts, whatever it points to).
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Whether `path` is a directory (not following a symlink).
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The names in a directory, sorted; empty when it cannot be read.
    static func list(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    /// One entry found by `walk`.
    struct Entry {
        /// The full path.
        var path: String
        /// The path relative to the walked directory.
        var relativePath: String
        /// A directory (not a symlink to one).
        var isDirectory: Bool
        /// A regular file.
        var isRegularFile: Bool
    }

    /// Every entry under `path` (not following symlinks), parents before children, sorted by relative path.
    static func walk(_ path: String) throws -> [Entry] {
        var entries: [Entry] = []
        func visit(_ directory: String, _ prefix: String) throws {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
                throw PublishError.io(path: directory, operation: "list", reason: "cannot read the directory")
            }
            for name in names.sorted() {
                let full = "\(directory)/\(name)"
                let relative = prefix.isEmpty ? name : "\(prefix)/\(name)"
                var info = stat()
                guard lstat(full, &info) == 0 else { throw failure("stat", full) }
                let type = info.st_mode & S_IFMT
                entries.append(
                    Entry(
                        path: full, relativePath: relative, isDirectory: type == S_IFDIR, isRegularFile: type == S_IFREG
                    ))
                if type == S_IFDIR { try visit(full, relative) }
            }
        }
        try visit(path, "")
        return entries
    }

    /// A random lowercase-hex suffix for temporary names.
    static func randomSuffix() -> String {
        String(UInt64.random(in: 0...UInt64.max), radix: 16)
    }

    private static func openExclusive(_ path: String, mode: mode_t) throws -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw failure("create", path) }
        return descriptor
    }

    private static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw failure("write", path)
            }
            offset += written
        }
    }

    private static func sync(_ descriptor: Int32, path: String) throws {
        while fsync(descriptor) != 0 {
            if errno != EINTR { throw failure("fsync", path) }
        }
    }

    private static func failure(_ operation: String, _ path: String) -> PublishError {
        PublishError.io(path: path, operation: operation, reason: String(cString: strerror(errno)))
    }
}

/// `rename(2)`, reachable from inside `DurableFiles.rename`.
private func systemRename(_ source: String, _ destination: String) -> Int32 {
    rename(source, destination)
}

import CityBundlePublish
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// File operations of the local copy: hashing, linking, durable renames, a lock.
enum LocalFiles {
    /// The size and lowercase hex SHA-256 of a regular file, or nil when it cannot be read.
    static func digest(_ path: String) -> (size: Int64, sha256: String)? {
        try? FileDigest.of(file: path)
    }

    /// Whether `path` holds exactly `size` bytes with `sha256`.
    static func matches(_ path: String, size: Int64, sha256: String) -> Bool {
        guard fileSize(path) == size, let digest = digest(path) else { return false }
        return digest.size == size && digest.sha256 == sha256
    }

    /// Creates the parent folders of `path`.
    static func createParent(of path: String) throws {
        let parent = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw FetchError.io(path: parent, message: "cannot create the folder: \(error)")
        }
    }

    /// Hard-links `source` to the new path `destination`, or copies it when a link is impossible.
    static func linkOrCopy(_ source: String, to destination: String) throws {
        try createParent(of: destination)
        _ = unlink(destination)
        if link(source, destination) == 0 { return }
        do {
            try FileManager.default.copyItem(atPath: source, toPath: destination)
        } catch {
            throw FetchError.io(path: destination, message: "cannot copy \(source): \(error)")
        }
    }

    /// Renames `source` to `destination` (atomic within one file system).
    static func move(_ source: String, to destination: String) throws {
        if rename(source, destination) != 0 {
            throw FetchError.io(
                path: destination, message: "cannot rename \(source): \(String(cString: strerror(errno)))")
        }
    }

    /// Writes `data` to `path` through a temporary file and a rename.
    static func writeAtomically(_ data: Data, to path: String) throws {
        let temporary =
            "\((path as NSString).deletingLastPathComponent)/.\((path as NSString).lastPathComponent).tmp-\(UUID().uuidString)"
        do {
            try data.write(to: URL(fileURLWithPath: temporary))
        } catch {
            throw FetchError.io(path: path, message: "cannot write: \(error)")
        }
        try sync(temporary)
        do {
            try move(temporary, to: path)
        } catch {
            _ = unlink(temporary)
            throw error
        }
        try sync((path as NSString).deletingLastPathComponent)
    }

    /// fsyncs a file or folder.
    static func sync(_ path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FetchError.io(path: path, message: String(cString: strerror(errno))) }
        defer { _ = close(descriptor) }
        if fsync(descriptor) != 0 && errno != EINVAL {
            throw FetchError.io(path: path, message: "fsync: \(String(cString: strerror(errno)))")
        }
    }

    /// fsyncs every file and folder under `path`, then `path`.
    static func syncTree(_ path: String) throws {
        let enumerator = FileManager.default.enumerator(atPath: path)
        while let relative = enumerator?.nextObject() as? String {
            try sync("\(path)/\(relative)")
        }
        try sync(path)
    }

    /// Removes `path` and everything below it; nothing when absent.
    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Whether `path` is a folder.
    static func isDirectory(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }
}

/// An exclusive `flock(2)` so two fetches into one folder never interleave; released on close or exit.
final class FetchLock {
    private var descriptor: Int32

    /// Takes the lock file `path` without waiting.
    init(_ path: String) throws {
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw FetchError.io(path: path, message: String(cString: strerror(errno))) }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            _ = close(descriptor)
            descriptor = -1
            throw FetchError.io(path: path, message: "another fetch into this folder is running")
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

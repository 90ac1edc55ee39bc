import Foundation

/// Reads files of a publish root, by paths relative to it (`wuhan/versions.json`).
protocol FetchTransport: Sendable {
    /// The whole file, or nil when the root has no such file.
    /// - Throws: `FetchError.verification` when it is larger than `maxSize`, `.io` when it cannot be read.
    func document(_ path: String, maxSize: Int) async throws -> Data?

    /// Appends the rest of the file to `part` (which may hold its first bytes from an earlier run), stopping with
    /// an error as soon as the file would exceed `expectedSize`. Reports received byte counts to `received`.
    /// - Returns: whether the earlier bytes were kept (a resumed download).
    func download(_ path: String, to part: String, expectedSize: Int64, received: @Sendable (Int) -> Void)
        async throws -> Bool

    /// Releases connections.
    func shutdown() async
}

extension FetchTransport {
    /// The path under the root of the `.sig` file of `path`.
    static func signature(of path: String) -> String { path + ".sig" }
}

/// Appends bytes to a `.part` file and refuses to go past the size the signed manifest declares.
struct PartWriter {
    let path: String
    let remotePath: String
    let limit: Int64
    private let handle: FileHandle
    private(set) var size: Int64

    /// Opens `path` for appending (`truncate`: from zero), creating it.
    init(path: String, remotePath: String, limit: Int64, truncate: Bool) throws {
        self.path = path
        self.remotePath = remotePath
        self.limit = limit
        if truncate || !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw FetchError.io(path: path, message: "cannot create the partial download")
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw FetchError.io(path: path, message: "cannot open the partial download")
        }
        self.handle = handle
        do {
            size = Int64(try handle.seekToEnd())
        } catch {
            throw FetchError.io(path: path, message: "cannot seek: \(error)")
        }
    }

    /// Appends `bytes`, or throws when the file would be larger than the signed size.
    mutating func append(_ bytes: some Collection<UInt8>) throws {
        guard size + Int64(bytes.count) <= limit else {
            throw FetchError.verification(
                path: remotePath, message: "the server sent more than the \(limit) bytes the signed manifest declares")
        }
        do {
            try handle.write(contentsOf: Data(bytes))
        } catch {
            throw FetchError.io(path: path, message: "cannot write: \(error)")
        }
        size += Int64(bytes.count)
    }

    /// Flushes to disk and closes.
    func close() throws {
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw FetchError.io(path: path, message: "cannot write: \(error)")
        }
    }
}

/// The size of a file, or nil when there is none.
func fileSize(_ path: String) -> Int64? {
    (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value
}

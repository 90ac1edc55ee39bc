import Foundation

/// A publish root on a local or mounted file system (`file:///srv/public`): files are read directly.
struct FileTransport: FetchTransport {
    /// The root folder.
    let root: String

    func document(_ path: String, maxSize: Int) async throws -> Data? {
        let full = "\(root)/\(path)"
        guard let size = fileSize(full) else { return nil }
        guard size <= Int64(maxSize) else {
            throw FetchError.verification(path: path, message: "larger than \(maxSize) bytes")
        }
        guard let data = FileManager.default.contents(atPath: full) else {
            throw FetchError.io(path: full, message: "cannot read")
        }
        return data
    }

    func download(_ path: String, to part: String, expectedSize: Int64, received: @Sendable (Int) -> Void)
        async throws -> Bool
    {
        let full = "\(root)/\(path)"
        guard let input = FileHandle(forReadingAtPath: full) else {
            throw FetchError.io(path: full, message: "cannot open (listed in the signed manifest)")
        }
        defer { try? input.close() }
        var writer = try PartWriter(path: part, remotePath: path, limit: expectedSize, truncate: false)
        let resumed = writer.size > 0
        do {
            try input.seek(toOffset: UInt64(writer.size))
            while true {
                try Task.checkCancellation()
                guard let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty else { break }
                try writer.append(chunk)
                received(chunk.count)
            }
        } catch let error as FetchError {
            try? writer.close()
            throw error
        } catch {
            try? writer.close()
            throw FetchError.io(path: full, message: "cannot read: \(error)")
        }
        try writer.close()
        return resumed
    }

    func shutdown() async {}
}

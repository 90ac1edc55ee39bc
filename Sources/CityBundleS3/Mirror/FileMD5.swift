import Crypto
import Foundation

/// The MD5 of a local file, to compare with a single-part upload's ETag (not for security).
enum FileMD5 {
    /// The lower-case MD5 hex of the file at `path`, read in 1 MiB chunks.
    static func hex(ofFileAt path: String) throws(MirrorError) -> String {
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            var hasher = Insecure.MD5()
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                hasher.update(data: chunk)
            }
            return HexEncoding.lowercase(hasher.finalize())
        } catch {
            throw .io(path: path, reason: error.localizedDescription)
        }
    }
}

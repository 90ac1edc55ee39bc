import Crypto
import NIOCore
import NIOFileSystem

/// Digests of files read in 1 MiB chunks, never whole.
enum FileHashing {
    /// The lower-case SHA-256 hex of the file at `path`.
    static func sha256Hex(ofFileAt path: String) async throws -> String {
        var hasher = SHA256()
        try await FileSystem.shared.withFileHandle(forReadingAt: FilePath(path)) { handle in
            for try await chunk in handle.readChunks(chunkLength: .mebibytes(1)) {
                chunk.withUnsafeReadableBytes { hasher.update(bufferPointer: $0) }
            }
        }
        return HexEncoding.lowercase(hasher.finalize())
    }
}

import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// SHA-256 and size of files and byte strings, streamed in 1 MiB chunks so memory does not grow with file size.
public enum FileDigest {
    /// The size and SHA-256 (lowercase hex) of the file at `path`.
    public static func of(file path: String) throws(PublishError) -> (size: Int64, sha256: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else {
            if errno == ENOENT { throw PublishError.missingFile(path) }
            throw PublishError.io(path: path, operation: "open", reason: String(cString: strerror(errno)))
        }
        defer { _ = close(descriptor) }
        var hasher = SHA256()
        var size: Int64 = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw PublishError.io(path: path, operation: "read", reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            buffer.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            size += Int64(count)
        }
        return (size, hex(hasher.finalize()))
    }

    /// The SHA-256 of `data`, lowercase hex.
    static func sha256(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    /// The multihash (hex) of a SHA-256 digest, as STAC's `file:checksum` wants it: `1220` + the digest.
    static func multihash(sha256 hexDigest: String) -> String {
        "1220" + hexDigest
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}

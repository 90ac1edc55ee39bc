public import Foundation

/// The object operations ``S3TreeMirror`` needs, on one bucket; ``S3Client`` is the real one.
public protocol S3ObjectStore: Sendable {
    /// Every object whose key starts with `prefix`, in key order.
    func listObjects(prefix: String) async throws -> [S3ObjectInfo]
    /// The object's bytes, or nil when there is no such key; throws when it is larger than `maxSize`.
    func getObject(key: String, maxSize: Int) async throws -> Data?
    /// Uploads the file at `path` as `key`. `sha256Hex` is the file's SHA-256 when the caller knows it.
    func putObject(key: String, fileAt path: String, sha256Hex: String?, contentType: String, cacheControl: String?)
        async throws
    /// Deletes `key`; deleting a missing key succeeds.
    func deleteObject(key: String) async throws
}

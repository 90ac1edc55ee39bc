import Crypto
public import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// An Ed25519 private key with its id: what signs manifests, `versions.json`, `latest.json` and `keys.json`.
///
/// Key files are JSON (`citybundle.private-key/1`) written with mode 0600 and never over an existing file;
/// reading one refuses a file that group or others may read, and publishing refuses a key file inside the
/// publish root.
public struct SigningKey: Sendable {
    /// The key id that `keys.json` and signature files name.
    public let id: String
    /// The file the key was read from or written to, if any.
    public let path: String?
    /// The 32 private bytes (`Curve25519.Signing.PrivateKey` is not `Sendable`, its raw form is).
    private let rawKey: Data

    var privateKey: Curve25519.Signing.PrivateKey {
        // The bytes came from a valid key, so this cannot fail.
        try! Curve25519.Signing.PrivateKey(rawRepresentation: rawKey)
    }

    private struct KeyFile: Codable {
        var format: String
        var keyId: String
        var algorithm: String
        var privateKey: String
    }

    private static let fileFormat = "citybundle.private-key/1"

    private init(id: String, privateKey: Curve25519.Signing.PrivateKey, path: String?) {
        self.id = id
        self.rawKey = privateKey.rawRepresentation
        self.path = path
    }

    /// A new random key called `id` (letters, digits, `.`, `_`, `-`; at most 64 characters).
    /// - Throws: `PublishError.invalidRequest` for a bad id.
    public static func generate(id: String) throws -> SigningKey {
        try validate(id: id)
        return SigningKey(id: id, privateKey: Curve25519.Signing.PrivateKey(), path: nil)
    }

    /// The key in `rawRepresentation` (32 bytes), called `id`.
    public init(id: String, rawRepresentation: Data) throws {
        try Self.validate(id: id)
        do {
            self.init(
                id: id, privateKey: try Curve25519.Signing.PrivateKey(rawRepresentation: rawRepresentation), path: nil)
        } catch {
            throw PublishError.invalidRequest("key '\(id)': not a 32-byte Ed25519 private key")
        }
    }

    /// Reads a key file written by `write(to:)`.
    /// - Throws: `PublishError.keyFilePermissions` when group or others have any permission on it,
    ///   `PublishError.invalidKeyFile` when it is not a regular file or not a key file, `missingFile`.
    public static func read(from path: String) throws -> SigningKey {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { throw PublishError.missingFile(path) }
            throw PublishError.io(path: path, operation: "stat", reason: String(cString: strerror(errno)))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw PublishError.invalidKeyFile(path: path, reason: "not a regular file (symlinks are refused)")
        }
        guard info.st_mode & 0o077 == 0 else {
            throw PublishError.keyFilePermissions(path: path, mode: UInt32(info.st_mode))
        }
        guard let data = DurableFiles.contents(path), let file = CanonicalJSON.decode(KeyFile.self, from: data),
            file.format == fileFormat, file.algorithm == SignatureFile.ed25519,
            let raw = Data(base64Encoded: file.privateKey)
        else { throw PublishError.invalidKeyFile(path: path, reason: "expected a \(fileFormat) JSON file") }
        let key = try SigningKey(id: file.keyId, rawRepresentation: raw)
        return SigningKey(id: key.id, privateKey: key.privateKey, path: path)
    }

    /// Writes the key to the new file `path` with mode 0600 and returns the key remembering that path.
    /// - Throws: `PublishError.keyInsidePublishRoot` when a folder above `path` holds a `keys.json` (a publish
    ///   root), `PublishError.io` when the file exists or cannot be written.
    @discardableResult
    public func write(to path: String) throws -> SigningKey {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL
        var directory = absolute.deletingLastPathComponent()
        while true {
            if DurableFiles.exists(directory.appendingPathComponent(KeyRing.keysFile).path) {
                throw PublishError.keyInsidePublishRoot(path: path, root: directory.path)
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { break }
            directory = parent
        }
        let file = KeyFile(
            format: Self.fileFormat, keyId: id, algorithm: SignatureFile.ed25519,
            privateKey: privateKey.rawRepresentation.base64EncodedString())
        try DurableFiles.writeNew(try CanonicalJSON.encode(file), to: absolute.path, mode: 0o600)
        try DurableFiles.syncDirectory(absolute.deletingLastPathComponent().path)
        return SigningKey(id: id, privateKey: privateKey, path: absolute.path)
    }

    /// The 32-byte public key, base64.
    public var publicKeyBase64: String {
        privateKey.publicKey.rawRepresentation.base64EncodedString()
    }

    /// The public half as a `keys.json` entry.
    public func publicKeyRecord(created: Date, status: KeyStatus = .active) -> PublicKeyRecord {
        PublicKeyRecord(keyId: id, publicKey: publicKeyBase64, status: status, created: Timestamp.string(created))
    }

    /// Writes the public half to the new file `path` as a `keys.json` entry (JSON), for clients to pin with
    /// `TrustedKeys(publicKeyFiles:)`; it holds nothing secret.
    public func exportPublicKey(to path: String, created: Date = Date()) throws {
        try DurableFiles.writeNew(try CanonicalJSON.encode(publicKeyRecord(created: created)), to: path, mode: 0o644)
    }

    /// Signs `data` (the exact bytes of the document called `name`) and returns the `.sig` file's contents.
    public func sign(_ data: Data, document name: String) throws -> Data {
        let signature = try privateKey.signature(for: data)
        return SignatureFile(
            keyId: id, signature: signature.base64EncodedString(), documentSHA256: SignatureFile.sha256(data),
            documentName: name
        ).encoded
    }

    static func validate(id: String) throws {
        let allowed = id.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
                || "._-".unicodeScalars.contains($0)
        }
        guard !id.isEmpty, id.count <= 64, allowed, !id.hasPrefix(".") else {
            throw PublishError.invalidRequest(
                "key id '\(id)' must be 1 to 64 letters, digits, '.', '_' or '-', not starting with '.'")
        }
    }
}

internal import Crypto

/// The secret key of ``Pseudonymiser``: at least 32 bytes, loaded from an environment variable or a key file,
/// never from the pipeline file.
///
/// Only its ``id`` may appear in reports. The key bytes are not reachable through the public API, and
/// `description`, `debugDescription` and reflection (`dump`) show the id alone.
public struct PseudonymKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The minimum key length in bytes.
    public static let minimumByteCount = 32

    /// The first 8 hex digits of the SHA-256 of the key: names the key in reports without revealing it.
    public let id: String
    /// The key material (kept as bytes: swift-crypto's `SymmetricKey` is not `Sendable` on every platform).
    let material: [UInt8]

    /// A key from raw bytes; `source` names where they came from in error messages.
    ///
    /// - Throws: ``AnonymiseError`` (`.usage`) when there are fewer than ``minimumByteCount`` bytes.
    public init(bytes: some Collection<UInt8>, source: String = "key") throws(AnonymiseError) {
        guard bytes.count >= Self.minimumByteCount else {
            throw AnonymiseError(
                subject: source,
                message:
                    "the pseudonymisation key has \(bytes.count) bytes; at least \(Self.minimumByteCount) are needed",
                hint: "generate one with `openssl rand -hex 32`")
        }
        material = Array(bytes)
        id = String(Hex.encode(SHA256.hash(data: material)).prefix(8))
    }

    /// `PseudonymKey(id: …)`.
    public var description: String { "PseudonymKey(id: \(id))" }

    /// `PseudonymKey(id: …)`.
    public var debugDescription: String { description }

    /// A mirror with the id alone.
    public var customMirror: Mirror { Mirror(self, children: ["id": id]) }
}

/// The publish root's public keys: `keys.json` (+ `keys.json.sig`).
///
/// The first `keys.json` is signed by its own key. A rotation writes a new one that lists the new key and is
/// signed by the previous key, so a client that trusts the old key can move to the new one; a revocation is
/// signed by another active key.
public struct KeysDocument: Sendable, Hashable, Codable {
    /// The document format, `citybundle.keys/1`.
    public var format: String
    /// Increases by one at every rewrite.
    public var sequence: Int
    /// When it was written (RFC 3339, UTC).
    public var updated: String
    /// Every key ever used, active or revoked.
    public var keys: [PublicKeyRecord]

    /// The current format identifier.
    public static let currentFormat = "citybundle.keys/1"

    /// A document; every argument is a member of the same name.
    public init(sequence: Int, updated: String, keys: [PublicKeyRecord]) {
        self.format = Self.currentFormat
        self.sequence = sequence
        self.updated = updated
        self.keys = keys
    }

    /// The record of `keyID`.
    public func key(_ keyID: String) -> PublicKeyRecord? {
        keys.first { $0.keyId == keyID }
    }
}

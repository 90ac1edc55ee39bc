/// One public key in `keys.json`.
public struct PublicKeyRecord: Sendable, Hashable, Codable {
    /// The key id that signature files name.
    public var keyId: String
    /// Always `ed25519`.
    public var algorithm: String
    /// The 32-byte Ed25519 public key, base64.
    public var publicKey: String
    /// Whether the key is trusted.
    public var status: KeyStatus
    /// When the key was added (RFC 3339, UTC).
    public var created: String
    /// When it was revoked.
    public var revoked: String?
    /// Why it was revoked.
    public var revocationReason: String?

    /// A record; every argument is a member of the same name.
    public init(
        keyId: String, algorithm: String = SignatureFile.ed25519, publicKey: String, status: KeyStatus = .active,
        created: String, revoked: String? = nil, revocationReason: String? = nil
    ) {
        self.keyId = keyId
        self.algorithm = algorithm
        self.publicKey = publicKey
        self.status = status
        self.created = created
        self.revoked = revoked
        self.revocationReason = revocationReason
    }
}

/// A detached signature: the contents of a `.sig` file next to the signed document.
public struct SignatureFile: Sendable, Hashable, Codable {
    /// The id of the signing key in `keys.json`.
    public var keyId: String
    /// Always `ed25519`.
    public var algorithm: String
    /// The 64-byte Ed25519 signature over the document's exact bytes, base64.
    public var signature: String

    /// The only algorithm written and accepted.
    public static let ed25519 = "ed25519"

    /// A signature by `keyId`.
    public init(keyId: String, algorithm: String = SignatureFile.ed25519, signature: String) {
        self.keyId = keyId
        self.algorithm = algorithm
        self.signature = signature
    }
}

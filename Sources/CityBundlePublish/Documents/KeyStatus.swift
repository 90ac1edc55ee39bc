/// Whether a public key in `keys.json` may still be trusted.
public enum KeyStatus: String, Sendable, Hashable, Codable {
    /// Signatures by the key are accepted.
    case active
    /// The key must no longer be trusted; signatures by it are refused.
    case revoked
}

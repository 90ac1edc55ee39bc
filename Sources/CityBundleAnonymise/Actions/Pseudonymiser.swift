internal import Crypto

/// Replaces values by keyed pseudonyms: `ps_` followed by the first 20 hex digits of HMAC-SHA-256(key, value).
///
/// The same value gives the same pseudonym under the same key (so records can still be joined), and an
/// unrelated one under another key. Without the key a pseudonym cannot be recomputed from a guessed value;
/// with it, it can: pseudonymised data is still personal information under PIPL.
public struct Pseudonymiser: Sendable {
    /// The prefix of every pseudonym.
    public static let prefix = "ps_"
    /// How many hex digits of the HMAC a pseudonym keeps (80 bits).
    public static let hexDigits = 20

    /// The key's id, for reports.
    public var keyID: String { key.id }
    /// The key.
    private let key: PseudonymKey

    /// A pseudonymiser with `key`.
    public init(key: PseudonymKey) {
        self.key = key
    }

    /// The pseudonym of `value`: `ps_` and 20 lower-case hex digits, never equal to `value` itself.
    public func pseudonym(for value: String) -> String {
        let first = code(for: Array(value.utf8))
        guard first == value else { return first }
        // A value that is its own pseudonym would need an 80-bit HMAC fixed point; re-hash to be certain.
        return code(for: Array(value.utf8) + [0])
    }

    /// `ps_` and the first 20 hex digits of the HMAC of `bytes`.
    private func code(for bytes: [UInt8]) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: bytes, using: SymmetricKey(data: key.material))
        return Self.prefix + Hex.encode(mac.prefix(Self.hexDigits / 2))
    }
}

/// The outcome of checking one detached signature.
enum SignatureCheck: Sendable, Hashable {
    /// The signature verifies with a trusted, active key.
    case valid(keyID: String)
    /// There is no `.sig` file.
    case missing
    /// The `.sig` file is not a signature file (bad JSON, algorithm, base64 or length).
    case malformed(String)
    /// The signing key is not among the trusted keys.
    case unknownKey(String)
    /// The signing key is revoked.
    case revokedKey(String)
    /// The signature does not verify these bytes: the document or the signature was changed.
    case invalid(keyID: String)

    /// Whether the signature verifies with a trusted key.
    var isValid: Bool {
        if case .valid = self { return true }
        return false
    }

    /// Whether the failure lies in the `.sig` file itself whatever the document says.
    var blamesSignatureFile: Bool {
        switch self {
        case .missing, .malformed, .unknownKey, .revokedKey: true
        case .valid, .invalid: false
        }
    }

    /// A phrase for reports (`signature does not verify (key wuhan-2026)`).
    var explanation: String {
        switch self {
        case .valid(let id): "signature valid (key \(id))"
        case .missing: "signature file missing"
        case .malformed(let reason): "signature file unreadable: \(reason)"
        case .unknownKey(let id): "signed by key '\(id)', which is not trusted"
        case .revokedKey(let id): "signed by key '\(id)', which is revoked"
        case .invalid(let id): "signature by key '\(id)' does not verify the document's bytes"
        }
    }
}

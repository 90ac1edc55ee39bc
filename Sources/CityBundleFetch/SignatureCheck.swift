import CityBundlePublish
import Crypto
import Foundation

/// Checks detached `.sig` files (`SignatureFile`) against trusted Ed25519 keys.
enum SignatureCheck {
    /// Why a signature does not hold.
    struct Failure: Error {
        /// Whether the signature file itself is at fault (missing, unreadable, unknown or revoked key) rather
        /// than the document.
        var blamesSignature: Bool
        var message: String
    }

    /// The id of the key that signed `document`, or the failure.
    static func verify(_ document: Data, signature: Data?, trusted: TrustedKeys) -> Result<String, Failure> {
        guard let signature else { return .failure(Failure(blamesSignature: true, message: "signature file missing")) }
        guard let file = SignatureFile.decode(signature) else {
            return .failure(Failure(blamesSignature: true, message: "not a signature file"))
        }
        if let stated = file.documentSHA256, stated != sha256(document) {
            return .failure(
                Failure(
                    blamesSignature: false,
                    message: "signature by key '\(file.keyId)' is for other bytes: the file was changed"))
        }
        guard file.algorithm == SignatureFile.ed25519, let bytes = Data(base64Encoded: file.signature),
            bytes.count == 64
        else { return .failure(Failure(blamesSignature: true, message: "not an Ed25519 signature")) }
        guard let record = trusted.records[file.keyId] else {
            return .failure(
                Failure(blamesSignature: true, message: "signed by key '\(file.keyId)', which is not trusted"))
        }
        guard record.status == .active else {
            return .failure(Failure(blamesSignature: true, message: "signed by key '\(file.keyId)', which is revoked"))
        }
        guard let raw = Data(base64Encoded: record.publicKey),
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw)
        else { return .failure(Failure(blamesSignature: true, message: "key '\(file.keyId)' is not an Ed25519 key")) }
        guard key.isValidSignature(bytes, for: document) else {
            return .failure(
                Failure(
                    blamesSignature: false,
                    message: "signature by key '\(file.keyId)' does not verify: the file was changed"))
        }
        return .success(file.keyId)
    }

    /// Throws `FetchError.verification` naming `path` (or `path.sig`) unless `document` is signed by a trusted key.
    static func require(_ document: Data, signature: Data?, path: String, trusted: TrustedKeys) throws {
        if case .failure(let failure) = verify(document, signature: signature, trusted: trusted) {
            throw FetchError.verification(
                path: failure.blamesSignature ? path + ".sig" : path, message: failure.message)
        }
    }

    /// The lowercase hex SHA-256 of `data`.
    static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}

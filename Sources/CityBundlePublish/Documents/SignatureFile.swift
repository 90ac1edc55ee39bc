import Crypto
public import Foundation

/// A detached signature: the contents of a `.sig` file next to the signed document.
///
/// The file is text, so it also reads as a checksum list of the one file it signs:
///
///     # CityBundle detached signature (Ed25519 over the exact bytes of the file below)
///     # algorithm: ed25519
///     # key-id: wuhan-2026
///     # signature: <64 bytes, base64>
///     <SHA-256 of the document>  manifest.json
public struct SignatureFile: Sendable, Hashable {
    /// The id of the signing key in `keys.json`.
    public var keyId: String
    /// Always `ed25519`.
    public var algorithm: String
    /// The 64-byte Ed25519 signature over the document's exact bytes, base64.
    public var signature: String
    /// The signed document's SHA-256 (hex) and file name, when the file states them.
    public var documentSHA256: String?
    public var documentName: String?

    /// The only algorithm written and accepted.
    public static let ed25519 = "ed25519"

    /// A signature by `keyId`.
    public init(
        keyId: String, algorithm: String = SignatureFile.ed25519, signature: String, documentSHA256: String? = nil,
        documentName: String? = nil
    ) {
        self.keyId = keyId
        self.algorithm = algorithm
        self.signature = signature
        self.documentSHA256 = documentSHA256
        self.documentName = documentName
    }

    /// The file's bytes.
    public var encoded: Data {
        var lines = [
            "# CityBundle detached signature (Ed25519 over the exact bytes of the file below)",
            "# algorithm: \(algorithm)", "# key-id: \(keyId)", "# signature: \(signature)",
        ]
        if let documentSHA256, let documentName { lines.append("\(documentSHA256)  \(documentName)") }
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// Reads a signature file; nil when it is not one.
    public static func decode(_ data: Data) -> SignatureFile? {
        guard data.count < 4096, let text = String(data: data, encoding: .utf8) else { return nil }
        var fields: [String: String] = [:]
        var checksum: (String, String)?
        for line in text.split(separator: "\n") {
            if line.hasPrefix("# "), let colon = line.firstIndex(of: ":") {
                let key = line[line.index(line.startIndex, offsetBy: 2)..<colon]
                fields[String(key)] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            } else if !line.hasPrefix("#") {
                let parts = line.split(separator: " ", maxSplits: 1)
                guard parts.count == 2, parts[0].count == 64 else { return nil }
                checksum = (String(parts[0]), parts[1].trimmingCharacters(in: .whitespaces))
            }
        }
        guard let keyId = fields["key-id"], let algorithm = fields["algorithm"], let signature = fields["signature"]
        else { return nil }
        return SignatureFile(
            keyId: keyId, algorithm: algorithm, signature: signature, documentSHA256: checksum?.0,
            documentName: checksum?.1)
    }

    /// The hex SHA-256 of `data`.
    static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}

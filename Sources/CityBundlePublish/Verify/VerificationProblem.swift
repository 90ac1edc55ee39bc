/// One thing wrong with a published bundle, naming the file it concerns.
public struct VerificationProblem: Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A file the metadata names is not there.
        case missingFile = "missing-file"
        /// A file's size differs from the signed one.
        case sizeMismatch = "size-mismatch"
        /// A file's SHA-256 differs from the signed one.
        case checksumMismatch = "checksum-mismatch"
        /// A file is present that no manifest lists (or is not a regular file).
        case unexpectedFile = "unexpected-file"
        /// A signature is missing, unreadable, by an untrusted or revoked key, or does not verify.
        case signature
        /// A document cannot be read as what it should be.
        case malformed
        /// Documents disagree (latest vs versions, manifest vs versions, catalog vs versions).
        case inconsistent
        /// An older signed document replaced a newer one that was seen or is referenced.
        case rollback
        /// The manifest's `expires` time has passed.
        case expired
        /// The version was withdrawn.
        case withdrawn
        /// The version was removed by the retention policy, or never listed.
        case unavailable
    }

    /// The kind of problem.
    public var kind: Kind
    /// The file concerned, relative to the publish root (`wuhan/2026.11.25/scenic_sites.geojson`).
    public var path: String
    /// What is wrong.
    public var message: String

    /// A problem of `kind` with `path` (relative to the root).
    public init(kind: Kind, path: String, message: String) {
        self.kind = kind
        self.path = path
        self.message = message
    }

    /// `path: message [kind]`.
    public var description: String { "\(path): \(message) [\(kind.rawValue)]" }
}

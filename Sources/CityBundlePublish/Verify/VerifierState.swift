import Foundation

/// What a verifier remembers between runs, per bundle: the highest version `latest.json` pointed to and the
/// highest `versions.json` sequence it accepted. With it, an older but validly signed `versions.json`,
/// `latest.json` or manifest is refused (rollback). The caller keeps it in a small JSON file.
public struct VerifierState: Sendable, Hashable, Codable {
    /// What is remembered for one bundle.
    public struct BundleState: Sendable, Hashable, Codable {
        /// The highest version `latest.json` has pointed to.
        public var highestVersion: String
        /// The highest `versions.json` sequence accepted.
        public var versionsSequence: Int

        /// A state; every argument is a member of the same name.
        public init(highestVersion: String, versionsSequence: Int) {
            self.highestVersion = highestVersion
            self.versionsSequence = versionsSequence
        }
    }

    /// By bundle id.
    public var bundles: [String: BundleState]

    /// An empty state (a first fetch trusts what it finds).
    public init(bundles: [String: BundleState] = [:]) {
        self.bundles = bundles
    }

    /// Reads the state file; an absent file is an empty state.
    /// - Throws: `PublishError.corruptMetadata` when the file exists but is not a state file.
    public static func load(from path: String) throws -> VerifierState {
        guard let data = DurableFiles.contents(path) else { return VerifierState() }
        guard let state = CanonicalJSON.decode(VerifierState.self, from: data) else {
            throw PublishError.corruptMetadata(path: path, reason: "not a verifier state file")
        }
        return state
    }

    /// Writes the state file atomically.
    public func save(to path: String) throws {
        try DurableFiles.createDirectory(URL(fileURLWithPath: path).deletingLastPathComponent().path)
        try DurableFiles.writeAtomically(try CanonicalJSON.encode(self), to: path, mode: 0o600)
    }
}

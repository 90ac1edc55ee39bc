/// The points of a publish where a test hook may stop it, to prove what a crash there leaves behind.
public enum PublishCheckpoint: String, Sendable, CaseIterable {
    /// The version is complete, fsynced and read-only in `<bundle>/.staging-<random>/`; nothing visible changed.
    case afterStaging
    /// The version directory has its final name; `versions.json` and `latest.json` still describe the old state.
    case afterRename
    /// `versions.json` (and the collection, index page and catalog) list the new version; `latest.json` does not
    /// point to it yet.
    case afterVersions
}

/// What a mirror run did, for the caller to log.
public struct MirrorSummary: Sendable, Hashable, CustomStringConvertible {
    /// Paths relative to the root, in the order their uploads finished.
    public var uploaded: [String] = []
    /// Bytes uploaded.
    public var uploadedBytes: Int64 = 0
    /// Files left alone because the destination already had them byte for byte.
    public var unchanged = 0
    /// Files of versions already complete at the destination.
    public var filesInPresentVersions = 0
    /// Keys deleted at the end, in order.
    public var deleted: [String] = []
    /// `bundle@version` of the versions uploaded.
    public var versionsUploaded: [String] = []
    /// `bundle@version` of the versions already complete at the destination.
    public var versionsAlreadyPresent: [String] = []
    /// Local paths left out (dot-files, symlinks).
    public var ignoredLocalPaths: [String] = []

    /// One line: what was uploaded, skipped and deleted, or that nothing had to change.
    public var description: String {
        let skipped = unchanged + filesInPresentVersions
        let versions =
            "versions uploaded: \(versionsUploaded.isEmpty ? "none" : versionsUploaded.joined(separator: ", ")); "
            + "already present: \(versionsAlreadyPresent.isEmpty ? "none" : versionsAlreadyPresent.joined(separator: ", "))"
        if uploaded.isEmpty && deleted.isEmpty {
            return "destination already up to date: nothing uploaded, \(skipped) files unchanged; \(versions)"
        }
        return
            "uploaded \(uploaded.count) files (\(uploadedBytes) bytes), \(skipped) unchanged, deleted \(deleted.count) objects; \(versions)"
    }
}

/// Progress of a mirror run, reported as it happens.
public enum MirrorEvent: Sendable, Hashable {
    /// A file was uploaded.
    case uploaded(relativePath: String, bytes: Int64)
    /// An object without a local file was deleted.
    case deleted(key: String)
}

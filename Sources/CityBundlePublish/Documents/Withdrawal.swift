/// Why and when a version was withdrawn, as `versions.json` records it.
public struct Withdrawal: Sendable, Hashable, Codable {
    /// When (RFC 3339, UTC).
    public var date: String
    /// Why, in words.
    public var reason: String
    /// The signed tombstone, relative to the bundle folder (`2026.11.25/WITHDRAWN.json`).
    public var tombstone: FileReference

    /// A withdrawal record; every argument is a member of the same name.
    public init(date: String, reason: String, tombstone: FileReference) {
        self.date = date
        self.reason = reason
        self.tombstone = tombstone
    }
}

/// A problem with an on-disk scratch file (``RecordSpool``) that holds features between streaming and tiling.
public enum SpoolError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The scratch file could not be created, written or read.
    case io(path: String, operation: String, errno: Int32)
    /// A record could not be decoded (the scratch file was changed or truncated underneath).
    case corruptRecord(offset: Int)

    public var description: String {
        switch self {
        case .io(let path, let operation, let errno):
            "cannot \(operation) the scratch file in \(path) (errno \(errno)); check free space and permissions there, or set TMPDIR"
        case .corruptRecord(let offset):
            "the scratch file holds an unreadable record at byte \(offset) of it; run again"
        }
    }
}

import Foundation

/// What identifies one state of a file: device, inode, size and modification time.
struct FileStamp: Sendable, Hashable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    /// Modification time, seconds since 1970 (with the file system's sub-second precision).
    var modified: Double
    var isRegularFile: Bool
    var isDirectory: Bool

    /// The stamp of `path`, following symlinks, or nil when it does not exist.
    init?(path: String) {
        let target =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
            ? PublishedTree.realPath(path) : path
        guard let target, let attributes = try? FileManager.default.attributesOfItem(atPath: target) else { return nil }
        device = (attributes[.systemNumber] as? NSNumber)?.uint64Value ?? 0
        inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
        size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let type = attributes[.type] as? FileAttributeType
        isRegularFile = type == .typeRegular
        isDirectory = type == .typeDirectory
    }

    /// Whole seconds of the modification time (what `Last-Modified` can say).
    var modifiedSeconds: Int { Int(modified.rounded(.down)) }
}

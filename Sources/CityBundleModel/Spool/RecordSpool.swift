#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An append-only scratch file of byte records, each with the WGS 84 bounds of what it holds, so a stage
/// that needs the whole dataset (tiling, partitioning) keeps records on disk instead of in memory. Only each
/// record's bounds, offset and length stay in memory (about 48 bytes a record). The file is unlinked as soon
/// as it is opened: nothing is left behind, even after a crash.
public final class RecordSpool {
    private struct Entry {
        var offset: Int64
        var length: Int32
        var bounds: BoundingBox?
    }

    /// The folder the scratch file was made in (for messages).
    public let directory: String
    private let descriptor: Int32
    private var entries: [Entry] = []
    private var pending: [UInt8] = []
    private var written: Int64 = 0
    private static let flushSize = 1 << 20

    /// Opens a new scratch file in `directory` (nil: `TMPDIR`, else `/tmp`).
    public init(directory: String? = nil) throws(SpoolError) {
        var folder = directory ?? (getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp")
        if folder.count > 1 && folder.hasSuffix("/") { folder.removeLast() }
        self.directory = folder
        var template = Array("\(folder)/citybundle-spool-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw SpoolError.io(path: folder, operation: "create", errno: errno) }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// The number of records appended.
    public var count: Int { entries.count }

    /// The bounds given with record `index`.
    public func bounds(at index: Int) -> BoundingBox? { entries[index].bounds }

    /// Appends a record; its index is the previous ``count``. Bounds that are not finite are kept as nil.
    public func append(_ bytes: [UInt8], bounds: BoundingBox?) throws(SpoolError) {
        var box = bounds
        if let b = box, !(b.minX.isFinite && b.minY.isFinite && b.maxX.isFinite && b.maxY.isFinite) { box = nil }
        entries.append(Entry(offset: written + Int64(pending.count), length: Int32(bytes.count), bounds: box))
        pending.append(contentsOf: bytes)
        if pending.count >= Self.flushSize { try flush() }
    }

    /// Reads record `index` back. Once everything is written (after ``finishWriting()``), reads may come from
    /// several threads at once.
    public func record(at index: Int) throws(SpoolError) -> [UInt8] {
        if !pending.isEmpty { try flush() }
        let entry = entries[index]
        var bytes = [UInt8](repeating: 0, count: Int(entry.length))
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeMutableBytes {
                pread(descriptor, $0.baseAddress! + done, $0.count - done, off_t(entry.offset) + off_t(done))
            }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw SpoolError.io(path: directory, operation: "read", errno: n < 0 ? errno : 0) }
            done += n
        }
        return bytes
    }

    /// Writes out what is buffered, so that reads need no more writing.
    public func finishWriting() throws(SpoolError) {
        try flush()
    }

    private func flush() throws(SpoolError) {
        var done = 0
        while done < pending.count {
            let n = pending.withUnsafeBytes { write(descriptor, $0.baseAddress! + done, $0.count - done) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw SpoolError.io(path: directory, operation: "write", errno: errno) }
            done += n
        }
        written += Int64(pending.count)
        pending.removeAll(keepingCapacity: true)
    }
}

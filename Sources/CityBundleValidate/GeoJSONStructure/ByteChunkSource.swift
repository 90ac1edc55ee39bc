#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Feeds ``JSONStreamParser`` one chunk at a time from a file descriptor or from bytes in memory.
///
/// The chunk buffer is allocated once; only one chunk of the input is ever held.
final class ByteChunkSource {
    /// The chunk buffer; valid for `capacity` bytes.
    let buffer: UnsafeMutablePointer<UInt8>
    /// The chunk size.
    let capacity: Int
    private let descriptor: Int32?
    private let bytes: [UInt8]
    private var bytesOffset = 0
    /// The `errno` of a failed `read`, after which the source reports end of input.
    private(set) var readErrorCode: Int32?

    /// A source reading the open file `descriptor` (which it closes when done) in chunks of `chunkSize` bytes.
    init(descriptor: Int32, chunkSize: Int) {
        self.capacity = max(1, chunkSize)
        self.buffer = .allocate(capacity: capacity)
        self.descriptor = descriptor
        self.bytes = []
    }

    /// A source handing out `bytes` in chunks of `chunkSize` bytes.
    init(bytes: [UInt8], chunkSize: Int) {
        self.capacity = max(1, chunkSize)
        self.buffer = .allocate(capacity: capacity)
        self.descriptor = nil
        self.bytes = bytes
    }

    deinit {
        buffer.deallocate()
        if let descriptor { close(descriptor) }
    }

    /// Replaces the buffer's content with the next chunk and returns its length; 0 at the end of input
    /// or after a read error.
    func fill() -> Int {
        guard readErrorCode == nil else { return 0 }
        guard let descriptor else {
            let count = min(capacity, bytes.count - bytesOffset)
            guard count > 0 else { return 0 }
            bytes.withUnsafeBufferPointer { source in
                buffer.update(from: source.baseAddress! + bytesOffset, count: count)
            }
            bytesOffset += count
            return count
        }
        while true {
            let count = read(descriptor, buffer, capacity)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            readErrorCode = errno
            return 0
        }
    }
}

/// The little-endian binary body of a GLB, built view by view.
struct BinaryBuffer {
    /// The bytes written so far.
    private(set) var bytes: [UInt8] = []

    /// Pads with zeros to a multiple of `alignment`.
    mutating func align(to alignment: Int) {
        while bytes.count % alignment != 0 { bytes.append(0) }
    }

    mutating func append(_ values: [Float]) {
        bytes.reserveCapacity(bytes.count + 4 * values.count)
        for v in values { appendLittleEndian(v.bitPattern) }
    }

    mutating func append(_ values: [Double]) {
        for v in values { appendLittleEndian(v.bitPattern) }
    }

    mutating func append(_ values: [UInt32]) {
        bytes.reserveCapacity(bytes.count + 4 * values.count)
        for v in values { appendLittleEndian(v) }
    }

    mutating func append(_ values: [UInt16]) {
        for v in values { appendLittleEndian(v) }
    }

    mutating func append(bytes raw: [UInt8]) {
        bytes += raw
    }

    mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        var v = value.littleEndian
        for _ in 0..<MemoryLayout<T>.size {
            bytes.append(UInt8(truncatingIfNeeded: v))
            v >>= 8
        }
    }
}

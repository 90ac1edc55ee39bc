/// Little-endian writing of the values a spooled feature is made of.
public struct BinaryRecordWriter {
    /// The bytes written so far.
    public var bytes: [UInt8] = []

    /// An empty writer.
    public init() {}

    public mutating func u8(_ value: UInt8) { bytes.append(value) }

    public mutating func u32(_ value: Int) {
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: value).littleEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func i64(_ value: Int64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func f64(_ value: Double) { i64(Int64(bitPattern: value.bitPattern)) }

    public mutating func string(_ value: String) {
        let utf8 = Array(value.utf8)
        u32(utf8.count)
        bytes.append(contentsOf: utf8)
    }

    public mutating func optionalString(_ value: String?) {
        if let value {
            u8(1)
            string(value)
        } else {
            u8(0)
        }
    }
}

/// Reads what ``BinaryRecordWriter`` wrote; every read checks the bounds and throws ``SpoolError`` past them.
public struct BinaryRecordReader {
    /// The record.
    public let bytes: [UInt8]
    /// Where the next read starts.
    public private(set) var offset = 0

    /// A reader at the start of `bytes`.
    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    private mutating func take(_ count: Int) throws(SpoolError) -> ArraySlice<UInt8> {
        guard count >= 0, offset + count <= bytes.count else { throw SpoolError.corruptRecord(offset: offset) }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    public mutating func u8() throws(SpoolError) -> UInt8 { try take(1).first! }

    public mutating func u32() throws(SpoolError) -> Int {
        var value: UInt32 = 0
        for (shift, byte) in try take(4).enumerated() { value |= UInt32(byte) << (8 * UInt32(shift)) }
        return Int(value)
    }

    public mutating func i64() throws(SpoolError) -> Int64 {
        var value: UInt64 = 0
        for (shift, byte) in try take(8).enumerated() { value |= UInt64(byte) << (8 * UInt64(shift)) }
        return Int64(bitPattern: value)
    }

    public mutating func f64() throws(SpoolError) -> Double { Double(bitPattern: UInt64(bitPattern: try i64())) }

    public mutating func string() throws(SpoolError) -> String {
        let count = try u32()
        return String(decoding: try take(count), as: UTF8.self)
    }

    public mutating func optionalString() throws(SpoolError) -> String? {
        try u8() == 0 ? nil : try string()
    }
}

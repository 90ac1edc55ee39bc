/// RFC 3986 percent-encoding as SigV4 defines it: every byte except the unreserved characters
/// `A–Z a–z 0–9 - . _ ~` becomes `%XX` with upper-case hex digits.
enum PercentEncoding {
    /// Encodes the UTF-8 bytes of `text`; `/` stays as it is when `keepingSlashes` is set.
    static func encode(_ text: String, keepingSlashes: Bool = false) -> String {
        encode(bytes: Array(text.utf8), keepingSlashes: keepingSlashes)
    }

    /// Encodes `bytes`; `/` stays as it is when `keepingSlashes` is set.
    static func encode(bytes: [UInt8], keepingSlashes: Bool = false) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        for byte in bytes {
            if isUnreserved(byte) || (keepingSlashes && byte == UInt8(ascii: "/")) {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(HexEncoding.upperDigits[Int(byte >> 4)])
                output.append(HexEncoding.upperDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The bytes of `text` with every valid `%XX` escape decoded; a `%` not followed by two hex digits stays
    /// literal. `+` is not a space here (S3 keys may hold `+`).
    static func decode(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
                let high = HexEncoding.value(of: bytes[index + 1]), let low = HexEncoding.value(of: bytes[index + 2])
            {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            true
        default: false
        }
    }
}

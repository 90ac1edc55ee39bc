/// Parses the whitespace-separated numbers of a `gml:posList` or `gml:pos`.
enum NumberList {
    /// The numbers in `text`, or `nil` when a token is not a finite number.
    static func parse(_ text: String) -> [Double]? {
        var numbers: [Double] = []
        var failed = false
        var text = text
        text.withUTF8 { bytes in
            var start = -1
            func flush(_ end: Int) {
                guard start >= 0 else { return }
                let token = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if let value = Double(String(decoding: token, as: UTF8.self)), value.isFinite {
                    numbers.append(value)
                } else {
                    failed = true
                }
                start = -1
            }
            for index in 0..<bytes.count {
                let byte = bytes[index]
                if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                    flush(index)
                } else if start < 0 {
                    start = index
                }
            }
            flush(bytes.count)
        }
        return failed ? nil : numbers
    }
}

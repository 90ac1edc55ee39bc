import Foundation

/// Low-level JSON text helpers that append UTF-8 bytes straight into a byte buffer.
///
/// Everything here avoids intermediate `String`s on the hot path: numbers are printed digit by digit,
/// strings are copied in runs of bytes that need no escaping.
enum JSONBytes {
    /// `10^n` for `n` in 0…18.
    static let powersOfTen: [UInt64] = (0...18).map { n in (0..<n).reduce(UInt64(1)) { acc, _ in acc * 10 } }

    /// The largest magnitude an integral `Double` may have to take the `Int64` fast path.
    static let fastPathLimit: Double = 9.2e18

    /// Appends the bytes of a static ASCII/UTF-8 literal.
    @inline(__always)
    static func appendLiteral(_ literal: StaticString, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Appends `true` or `false`.
    @inline(__always)
    static func appendBool(_ value: Bool, to buffer: inout [UInt8]) {
        if value { appendLiteral("true", to: &buffer) } else { appendLiteral("false", to: &buffer) }
    }

    /// Appends the decimal digits of `value`, left-padded with zeros to at least `minimumDigits` digits.
    @inline(__always)
    static func appendDigits(_ value: UInt64, minimumDigits: Int = 1, to buffer: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var index = 20
            var rest = value
            repeat {
                index -= 1
                digits[index] = 0x30 &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            } while rest != 0
            while 20 - index < minimumDigits {
                index -= 1
                digits[index] = 0x30
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: digits[index..<20]))
        }
    }

    /// Appends an exact signed integer.
    @inline(__always)
    static func appendInt(_ value: Int64, to buffer: inout [UInt8]) {
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        appendDigits(value.magnitude, to: &buffer)
    }

    /// Appends a `Double` as its shortest round-trip text (Swift's `description`, e.g. `1.5`, `1e-05`),
    /// or `null` when it is NaN or infinite, since JSON has no such numbers.
    static func appendDouble(_ value: Double, to buffer: inout [UInt8]) {
        guard value.isFinite else {
            appendLiteral("null", to: &buffer)
            return
        }
        var text = value.description
        text.withUTF8 { buffer.append(contentsOf: $0) }
    }

    /// Appends a fixed-point number given as `scaled = round(value * 10^decimals)` (an integral `Double`).
    ///
    /// Prints the integer part, then at most `decimals` fractional digits with trailing zeros removed
    /// (no point at all when the fraction is zero). Never uses exponent notation and never prints `-0`.
    /// A non-finite `scaled` is written as `null`.
    static func appendFixed(scaled: Double, decimals: Int, to buffer: inout [UInt8]) {
        guard scaled.isFinite else {
            appendLiteral("null", to: &buffer)
            return
        }
        guard isFastFixed(scaled) else {
            appendHugeFixed(scaled: scaled, decimals: decimals, to: &buffer)
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maximumFixedLength) { scratch in
            let count = writeFixed(scaled, decimals: decimals, divisor: powersOfTen[decimals], to: scratch.baseAddress!)
            buffer.append(contentsOf: UnsafeBufferPointer(start: scratch.baseAddress!, count: count))
        }
    }

    /// The most bytes `writeFixed` writes: sign, 19 integer digits, point, 7 fractional digits.
    static let maximumFixedLength = 28

    /// True when `scaled` is finite and small enough for `writeFixed`.
    @inline(__always)
    static func isFastFixed(_ scaled: Double) -> Bool {
        Swift.abs(scaled) < fastPathLimit  // false for NaN and infinities too
    }

    /// Writes the fixed-point text of `scaled` (see `appendFixed`) to `output` and returns the byte count.
    ///
    /// Requires `isFastFixed(scaled)`, `divisor == 10^decimals`, `decimals` ≤ 7 and room for
    /// `maximumFixedLength` bytes.
    @inline(__always)
    static func writeFixed(
        _ scaled: Double, decimals: Int, divisor: UInt64, to output: UnsafeMutablePointer<UInt8>
    ) -> Int {
        var cursor = output
        let integer = Int64(scaled)  // an integral -0.0 becomes 0: no "-0"
        if integer < 0 {
            cursor.pointee = UInt8(ascii: "-")
            cursor += 1
        }
        let magnitude = integer.magnitude
        cursor += writeDigits(magnitude / divisor, to: cursor)
        var fraction = magnitude % divisor
        if fraction != 0 {
            var digits = decimals
            while fraction % 10 == 0 {
                fraction /= 10
                digits -= 1
            }
            cursor.pointee = UInt8(ascii: ".")
            cursor += 1
            var index = digits
            while index > 0 {
                index -= 1
                cursor[index] = 0x30 &+ UInt8(truncatingIfNeeded: fraction % 10)
                fraction /= 10
            }
            cursor += digits
        }
        return cursor - output
    }

    /// Writes the decimal digits of `value` to `output` and returns how many there are (1…20).
    @inline(__always)
    static func writeDigits(_ value: UInt64, to output: UnsafeMutablePointer<UInt8>) -> Int {
        var count = 1
        var threshold: UInt64 = 10
        while count < 20 && value >= threshold {
            count += 1
            threshold &*= 10
        }
        var rest = value
        var index = count
        while index > 0 {
            index -= 1
            output[index] = 0x30 &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        }
        return count
    }

    /// The slow path of `appendFixed` for magnitudes beyond `Int64` (never seen in real coordinates): the
    /// product `value * 10^decimals` is no longer exact there, so the value is recovered and printed with
    /// `%.<decimals>f`, then trimmed.
    private static func appendHugeFixed(scaled: Double, decimals: Int, to buffer: inout [UInt8]) {
        let value = scaled / Double(powersOfTen[decimals])
        var text = Array(String(format: "%.\(decimals)f", value).utf8)
        if text.contains(UInt8(ascii: ".")) {
            while text.last == UInt8(ascii: "0") { text.removeLast() }
            if text.last == UInt8(ascii: ".") { text.removeLast() }
        }
        buffer.append(contentsOf: text)
    }

    /// Appends `text` as a JSON string (RFC 8259 §7): quotes and backslashes are escaped, control characters
    /// U+0000–U+001F use the short forms (`\n`, `\t`, …) or `\u00XX`; everything else, including non-ASCII,
    /// is copied as UTF-8.
    static func appendString(_ text: String, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                if runStart < index {
                    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                }
                appendEscape(byte, to: &buffer)
                runStart = index + 1
            }
            if runStart < utf8.count {
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
            }
        }
        buffer.append(UInt8(ascii: "\""))
    }

    /// Appends the escape sequence of one byte that JSON does not allow raw inside a string.
    private static func appendEscape(_ byte: UInt8, to buffer: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): appendLiteral("\\\"", to: &buffer)
        case UInt8(ascii: "\\"): appendLiteral("\\\\", to: &buffer)
        case 0x08: appendLiteral("\\b", to: &buffer)
        case 0x0C: appendLiteral("\\f", to: &buffer)
        case 0x0A: appendLiteral("\\n", to: &buffer)
        case 0x0D: appendLiteral("\\r", to: &buffer)
        case 0x09: appendLiteral("\\t", to: &buffer)
        default:
            let hex: StaticString = "0123456789abcdef"
            appendLiteral("\\u00", to: &buffer)
            buffer.append(hex.utf8Start[Int(byte >> 4)])
            buffer.append(hex.utf8Start[Int(byte & 0x0F)])
        }
    }
}

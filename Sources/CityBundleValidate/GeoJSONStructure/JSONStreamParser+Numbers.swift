/// Numbers: the RFC 8259 grammar, a fast path for plain decimals, length and overflow checks.
extension JSONStreamParser {
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22,
    ]

    /// Reads a number whose first character (`-` or a digit) is the current byte.
    mutating func scanNumber(_ issues: inout IssueCollector) -> JSONEvent {
        if let value = scanPlainNumber() { return .number(value) }
        numberBytes.removeAll(keepingCapacity: true)
        var length = 0
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var fractionDigits = 0
        var exponent = 0
        var exponentNegative = false
        var negative = false
        // 0: sign or first digit, 1: integer digits, 2: after '.', 3: fraction digits, 4: after 'e',
        // 5: after the exponent's sign, 6: exponent digits.
        var part = 0
        scanning: while true {
            let byte = peekByte() ?? 0
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            switch part {
            case 0:
                if byte == UInt8(ascii: "-") && !negative {
                    negative = true
                } else if isDigit {
                    part = byte == UInt8(ascii: "0") ? 7 : 1
                } else if negative && byte == UInt8(ascii: "I") {
                    return nonFinite(negative: true, &issues)
                } else {
                    return fail(&issues, "expected a digit after '-', found \(describeNext())")
                }
            case 1, 3, 7:
                if isDigit {
                    if part == 7 { return fail(&issues, "numbers must not have leading zeros (RFC 8259 §6)") }
                } else if byte == UInt8(ascii: ".") && part != 3 {
                    part = 2
                } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                    part = 4
                } else {
                    break scanning
                }
            case 2:
                guard isDigit else {
                    return fail(&issues, "expected a digit after the decimal point, found \(describeNext())")
                }
                part = 3
            case 4:
                if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") {
                    exponentNegative = byte == UInt8(ascii: "-")
                    part = 5
                } else if isDigit {
                    part = 6
                } else {
                    return fail(&issues, "expected a digit in the exponent, found \(describeNext())")
                }
            case 5:
                guard isDigit else { return fail(&issues, "expected a digit in the exponent, found \(describeNext())") }
                part = 6
            default:
                if !isDigit { break scanning }
            }
            if isDigit {
                let value = byte &- UInt8(ascii: "0")
                if part == 6 {
                    exponent = min(exponent * 10 + Int(value), 1_000_000)
                } else {
                    if significantDigits > 0 || value != 0 {
                        if significantDigits < 19 { mantissa = mantissa &* 10 &+ UInt64(value) }
                        significantDigits += 1
                    }
                    if part == 3 { fractionDigits += 1 }
                }
            }
            length += 1
            if length <= limits.maxNumberLength { numberBytes.append(byte) }
            consumeASCII()
        }

        if length > limits.maxNumberLength {
            issues.add(
                StructureRule.numberTooLong, .error,
                "number literal of \(length) characters is longer than the limit of \(limits.maxNumberLength)",
                line: tokenLine, column: tokenColumn, path: currentPath(), featureIndex: issues.featureIndex)
            return .number(.nan)
        }
        let scale = (exponentNegative ? -exponent : exponent) - fractionDigits
        var value: Double
        if significantDigits <= 15 && scale >= -22 && scale <= 22 {
            value = Double(mantissa)
            if scale > 0 { value *= Self.powersOfTen[scale] } else if scale < 0 { value /= Self.powersOfTen[-scale] }
            if negative { value = -value }
        } else {
            value = Double(String(decoding: numberBytes, as: UTF8.self)) ?? .nan
        }
        if value.isInfinite {
            issues.add(
                StructureRule.numberOverflow, .error,
                "number \(String(decoding: numberBytes, as: UTF8.self)) is too large for a 64-bit float "
                    + "(it reads as \(value < 0 ? "-" : "")infinity)",
                line: tokenLine, column: tokenColumn, path: currentPath(), featureIndex: issues.featureIndex)
        }
        return .number(value)
    }

    /// The fast path for the common number: `-?[1-9][0-9]*(\.[0-9]+)?` or `-?0(\.[0-9]+)?` with at most
    /// 15 significant digits, at most 22 decimals, lying whole in the current chunk. Returns nil, consuming
    /// nothing, for anything else (exponents, long or malformed literals), which ``scanNumber(_:)`` reads.
    private mutating func scanPlainNumber() -> Double? {
        var position = index
        var negative = false
        if base[position] == UInt8(ascii: "-") {
            negative = true
            position += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var decimals = 0
        var afterPoint = false
        let first = position
        while position < end {
            let byte = base[position]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                mantissa = mantissa &* 10 &+ UInt64(byte &- UInt8(ascii: "0"))
                if mantissa != 0 { digits += 1 }
                if afterPoint { decimals += 1 }
            } else if byte == UInt8(ascii: ".") && !afterPoint {
                guard position > first else { return nil }
                afterPoint = true
            } else {
                break
            }
            position += 1
        }
        guard position < end, position > first, digits <= 15, decimals <= 22 else { return nil }
        let terminator = base[position]
        guard terminator != UInt8(ascii: "e") && terminator != UInt8(ascii: "E") else { return nil }
        // Grammar: no leading zero before digits, no '.' as the last character.
        if base[first] == UInt8(ascii: "0") && position > first + 1 && base[first + 1] != UInt8(ascii: ".") {
            return nil
        }
        if base[position - 1] == UInt8(ascii: ".") { return nil }
        let length = position - index
        guard length <= limits.maxNumberLength else { return nil }
        var value = Double(mantissa)
        if decimals > 0 { value /= Self.powersOfTen[decimals] }
        column += length
        index = position
        return negative ? -value : value
    }

    /// How the next byte reads in a message.
    private mutating func describeNext() -> String {
        peekByte().map(Self.describe) ?? "the end of input"
    }
}

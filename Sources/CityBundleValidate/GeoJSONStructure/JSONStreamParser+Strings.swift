/// Strings: escapes, UTF-8 validation, control characters and the length limits.
extension JSONStreamParser {
    /// Reads a string whose opening quote is the current byte; nil after a fatal issue.
    mutating func scanString(isKey: Bool, _ issues: inout IssueCollector) -> String? {
        let startLine = line
        let startColumn = column
        consumeASCII()
        stringBytes.removeAll(keepingCapacity: true)
        stringLength = 0
        stringLimit = isKey ? limits.maxKeyBytes : limits.maxStringBytes
        stringKeeps = isKey || keepsStrings
        pendingHighSurrogate = nil
        stringReported = (false, false, false)
        while true {
            if index == end && !refill() {
                _ = fail(
                    &issues,
                    "unterminated string (it starts at line \(startLine), column \(startColumn)); "
                        + "the file looks truncated")
                return nil
            }
            // A run of plain ASCII.
            var scan = index
            while scan < end {
                let byte = base[scan]
                if byte == 0x22 || byte == 0x5C || byte < 0x20 || byte >= 0x80 { break }
                scan += 1
            }
            if scan > index {
                flushPendingHighSurrogate(&issues)
                appendRun(count: scan - index)
                column += scan - index
                index = scan
                continue
            }
            let byte = base[index]
            switch byte {
            case 0x22:
                flushPendingHighSurrogate(&issues)
                consumeASCII()
                if stringLength > stringLimit {
                    let what = isKey ? "member name" : "string"
                    issues.add(
                        isKey ? StructureRule.keyTooLong : StructureRule.stringTooLong, .error,
                        "\(what) of \(stringLength) bytes is longer than the limit of \(stringLimit) bytes "
                            + "(it is cut short for checking)",
                        line: startLine, column: startColumn, path: currentPath(includingCurrentKey: !isKey),
                        featureIndex: issues.featureIndex)
                }
                guard stringKeeps else { return "" }
                return String(decoding: stringBytes, as: UTF8.self)
            case 0x5C:
                guard scanEscape(&issues) else { return nil }
            case 0..<0x20:
                flushPendingHighSurrogate(&issues)
                if !stringReported.control {
                    stringReported.control = true
                    issues.add(
                        StructureRule.controlCharacter, .error,
                        "raw control character U+00\(Self.hex(byte).dropFirst(2)) in a string; RFC 8259 §7 "
                            + "requires it escaped (\\n, \\t, \\u00XX)",
                        line: line, column: column, path: currentPath(includingCurrentKey: !isKey),
                        featureIndex: issues.featureIndex)
                }
                appendByte(byte)
                index += 1
                if byte == 0x0A {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            default:
                flushPendingHighSurrogate(&issues)
                scanMultibyte(isKey: isKey, &issues)
            }
        }
    }

    /// Reads one UTF-8 sequence starting at a byte ≥ 0x80, replacing it with U+FFFD when invalid.
    private mutating func scanMultibyte(isKey: Bool, _ issues: inout IssueCollector) {
        let lead = base[index]
        let leadLine = line
        let leadColumn = column
        index += 1
        column += 1
        var needed: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: needed = 1
        case 0xE0:
            needed = 2
            low = 0xA0
        case 0xE1...0xEC, 0xEE, 0xEF: needed = 2
        case 0xED:
            needed = 2
            high = 0x9F
        case 0xF0:
            needed = 3
            low = 0x90
        case 0xF1...0xF3: needed = 3
        case 0xF4:
            needed = 3
            high = 0x8F
        default: needed = -1
        }
        var sequence: UInt32 = UInt32(lead)
        var valid = needed > 0
        var taken = 0
        while valid && taken < needed {
            guard let next = peekByte(), next >= low && next <= high else {
                valid = false
                break
            }
            sequence = sequence << 8 | UInt32(next)
            index += 1
            taken += 1
            low = 0x80
            high = 0xBF
        }
        if valid {
            for shift in stride(from: needed * 8, through: 0, by: -8) {
                appendByte(UInt8(truncatingIfNeeded: sequence >> UInt32(shift)))
            }
            return
        }
        if !stringReported.utf8 {
            stringReported.utf8 = true
            issues.add(
                StructureRule.invalidUTF8, .error,
                "a string holds bytes that are not valid UTF-8 (byte \(Self.hex(lead))); "
                    + "GeoJSON must be UTF-8 (RFC 7946 §1): convert the file from its real encoding",
                line: leadLine, column: leadColumn, path: currentPath(includingCurrentKey: !isKey),
                featureIndex: issues.featureIndex)
        }
        appendScalar(0xFFFD)
    }

    /// Reads an escape whose backslash is the current byte; false after a fatal issue.
    private mutating func scanEscape(_ issues: inout IssueCollector) -> Bool {
        let escapeLine = line
        let escapeColumn = column
        consumeASCII()
        guard let letter = peekByte() else {
            _ = fail(&issues, "unterminated string (the file looks truncated)")
            return false
        }
        consumeASCII()
        let simple: UInt8?
        switch letter {
        case UInt8(ascii: "\""): simple = 0x22
        case UInt8(ascii: "\\"): simple = 0x5C
        case UInt8(ascii: "/"): simple = 0x2F
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"): simple = nil
        default:
            let shown = letter >= 0x21 && letter <= 0x7E ? String(UnicodeScalar(letter)) : Self.hex(letter)
            _ = fail(
                &issues,
                "invalid escape '\\\(shown)' in a string "
                    + "(JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)",
                line: escapeLine, column: escapeColumn)
            return false
        }
        if let simple {
            flushPendingHighSurrogate(&issues)
            appendByte(simple)
            return true
        }
        var unit: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = peekByte(), let value = Self.hexValue(digit) else {
                _ = fail(&issues, "invalid \\u escape: expected 4 hexadecimal digits")
                return false
            }
            consumeASCII()
            unit = unit << 4 | value
        }
        switch unit {
        case 0xD800...0xDBFF:
            flushPendingHighSurrogate(&issues)
            pendingHighSurrogate = unit
        case 0xDC00...0xDFFF:
            if let high = pendingHighSurrogate {
                pendingHighSurrogate = nil
                appendScalar(0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00))
            } else {
                reportLoneSurrogate(&issues)
                appendScalar(0xFFFD)
            }
        default:
            flushPendingHighSurrogate(&issues)
            appendScalar(unit)
        }
        return true
    }

    private mutating func flushPendingHighSurrogate(_ issues: inout IssueCollector) {
        guard pendingHighSurrogate != nil else { return }
        pendingHighSurrogate = nil
        reportLoneSurrogate(&issues)
        appendScalar(0xFFFD)
    }

    private mutating func reportLoneSurrogate(_ issues: inout IssueCollector) {
        guard !stringReported.surrogate else { return }
        stringReported.surrogate = true
        issues.add(
            StructureRule.loneSurrogate, .warning,
            "a \\u escape holds half of a UTF-16 surrogate pair; readers replace it with U+FFFD",
            line: line, column: column, path: currentPath(), featureIndex: issues.featureIndex)
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// Counts and (within the limit) keeps `count` plain bytes from the current place.
    private mutating func appendRun(count: Int) {
        let room = stringLimit - stringLength
        stringLength += count
        guard stringKeeps && room > 0 else { return }
        stringBytes.append(contentsOf: UnsafeBufferPointer(start: base + index, count: min(count, room)))
    }

    private mutating func appendByte(_ byte: UInt8) {
        stringLength += 1
        if stringKeeps && stringLength <= stringLimit { stringBytes.append(byte) }
    }

    private mutating func appendScalar(_ value: UInt32) {
        switch value {
        case 0..<0x80:
            appendByte(UInt8(value))
        case 0x80..<0x800:
            appendByte(UInt8(0xC0 | value >> 6))
            appendByte(UInt8(0x80 | value & 0x3F))
        case 0x800..<0x10000:
            appendByte(UInt8(0xE0 | value >> 12))
            appendByte(UInt8(0x80 | value >> 6 & 0x3F))
            appendByte(UInt8(0x80 | value & 0x3F))
        default:
            appendByte(UInt8(0xF0 | value >> 18))
            appendByte(UInt8(0x80 | value >> 12 & 0x3F))
            appendByte(UInt8(0x80 | value >> 6 & 0x3F))
            appendByte(UInt8(0x80 | value & 0x3F))
        }
    }
}

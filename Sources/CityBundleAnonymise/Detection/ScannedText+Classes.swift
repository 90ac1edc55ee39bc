/// Character classes and token boundaries shared by the detectors.
extension ScannedText {
    /// Whether `value` is an ASCII digit.
    static func isDigit(_ value: UInt32) -> Bool { value >= 0x30 && value <= 0x39 }

    /// Whether `value` is an ASCII letter.
    static func isLetter(_ value: UInt32) -> Bool { (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }

    /// Whether `value` is an ASCII letter or digit.
    static func isAlphanumeric(_ value: UInt32) -> Bool { isDigit(value) || isLetter(value) }

    /// Whether `value` separates digit groups (a space or a hyphen).
    static func isGroupSeparator(_ value: UInt32) -> Bool { value == 0x20 || value == 0x2D }

    /// Whether the scalar at `i` is an ASCII digit.
    func isDigit(at i: Int) -> Bool { Self.isDigit(self[i]) }

    /// The number of consecutive ASCII digits starting at `i`.
    func digitRun(from i: Int) -> Int {
        var j = i
        while j < count && Self.isDigit(values[j]) { j += 1 }
        return j - i
    }

    /// Whether the ASCII text `literal` starts at `i`, comparing letters case-insensitively.
    func hasPrefix(_ literal: String, at i: Int) -> Bool {
        var j = i
        for scalar in literal.unicodeScalars {
            guard j < count else { return false }
            let value = values[j]
            let wanted = scalar.value
            if value != wanted && !(Self.isLetter(wanted) && value | 0x20 == wanted | 0x20) { return false }
            j += 1
        }
        return true
    }

    /// Whether a token may start at `i`: the scalar before it is not an ASCII letter or digit, and not the
    /// decimal point of a number (`0.13812345678` holds no phone number).
    func isBoundary(before i: Int) -> Bool {
        guard i > 0 else { return true }
        let previous = values[i - 1]
        if Self.isAlphanumeric(previous) { return false }
        if previous == 0x2E && isDigit(at: i - 2) { return false }
        return true
    }

    /// Whether a token may end just before `j`: the scalar at `j` is not an ASCII letter or digit, not a decimal
    /// point followed by a digit, and not a combining mark that would glue itself to the token.
    func isBoundary(after j: Int) -> Bool {
        guard j < count else { return true }
        let next = values[j]
        if Self.isAlphanumeric(next) { return false }
        if next == 0x2E && isDigit(at: j + 1) { return false }
        return !Self.extendsPrevious(next)
    }

    /// Whether `value` joins the character before it (combining marks, joiners, variation selectors), so that a
    /// match ending before it would split a user-perceived character.
    static func extendsPrevious(_ value: UInt32) -> Bool {
        guard value >= 0x300, let scalar = Unicode.Scalar(value) else { return false }
        let properties = scalar.properties
        return properties.isGraphemeExtend || value == 0x200D || properties.generalCategory == .spacingMark
    }

    /// The decimal value of the `length` ASCII digits starting at `i` (the caller checked that they are digits).
    func number(at i: Int, length: Int) -> Int {
        var result = 0
        for j in i..<(i + length) { result = result * 10 + Int(values[j] - 0x30) }
        return result
    }
}

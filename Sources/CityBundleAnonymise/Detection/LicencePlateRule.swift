/// Mainland vehicle licence plates.
///
/// Accepted: a province abbreviation (京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼), an issuing-office
/// letter, an optional separator (`·`, `•`, `・` or a space), then either five letters and digits with at least two
/// digits (`鄂A12345`, `鄂A·B1234`), six with at least four digits for new-energy plates (`鄂AD12345`), or four
/// followed by 挂, 学, 警, 港 or 澳 (`鄂A1234学`). Letters are ASCII (full-width ones are folded), upper or lower
/// case, never `I` or `O`. The serial must not continue with more ASCII letters or digits.
enum LicencePlateRule {
    /// The province abbreviations that start a plate.
    static let provinces: Set<UInt32> = Set("京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼".unicodeScalars.map(\.value))
    /// The special-purpose characters that may end a plate after four letters and digits.
    static let suffixes: Set<UInt32> = Set("挂学警港澳".unicodeScalars.map(\.value))
    /// The separators accepted between the office letter and the serial.
    static let separators: Set<UInt32> = [0xB7, 0x2022, 0x30FB, 0x2219, 0x20]

    /// Appends every plate in `text`.
    static func scan(_ text: ScannedText, into candidates: inout [Candidate]) {
        for i in 0..<text.count where provinces.contains(text[i]) {
            if let end = match(text, at: i) {
                candidates.append(Candidate(kind: .licencePlate, lower: i, upper: end))
            }
        }
    }

    /// The end of the plate starting at the province character `i`, or nil.
    static func match(_ text: ScannedText, at i: Int) -> Int? {
        guard isPlateLetter(text[i + 1]) else { return nil }
        var j = i + 2
        if separators.contains(text[j]) { j += 1 }
        var digits = 0
        var letters = 0
        var k = j
        while ScannedText.isAlphanumeric(text[k]) {
            guard ScannedText.isDigit(text[k]) || isPlateLetter(text[k]) else { return nil }
            if ScannedText.isDigit(text[k]) { digits += 1 } else { letters += 1 }
            k += 1
            if k - j > 6 { return nil }
        }
        switch k - j {
        case 4 where suffixes.contains(text[k]) && digits >= 2:
            return k + 1
        case 5 where digits >= 2 && text.isBoundary(after: k):
            return k
        case 6 where digits >= 4 && text.isBoundary(after: k):
            return k
        default:
            return nil
        }
    }

    /// Whether `value` is a letter that plates use (A–Z except I and O, either case).
    static func isPlateLetter(_ value: UInt32) -> Bool {
        let upper = value & ~0x20
        return ScannedText.isLetter(value) && upper != 0x49 && upper != 0x4F
    }
}

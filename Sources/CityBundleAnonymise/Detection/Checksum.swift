/// The check-digit algorithms the detectors use to tell identifiers from ordinary numbers.
enum Checksum {
    /// The GB 11643-1999 weights of the first 17 characters of a resident identity number.
    static let residentIDWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    /// The check character for each weighted sum modulo 11 (`X` stands for 10).
    static let residentIDCheckCharacters: [UInt32] = Array("10X98765432".unicodeScalars.map(\.value))

    /// Whether the 18 scalars at `i` (17 digits then a digit or `X`/`x`) carry a correct GB 11643 check character.
    static func residentIDIsValid(_ text: ScannedText, at i: Int) -> Bool {
        var sum = 0
        for (offset, weight) in residentIDWeights.enumerated() {
            sum += Int(text[i + offset] - 0x30) * weight
        }
        var check = text[i + 17]
        if check == 0x78 { check = 0x58 }  // x → X
        return residentIDCheckCharacters[sum % 11] == check
    }

    /// Whether `digits` (0–9 each, most significant first) pass the Luhn check.
    static func luhnIsValid(_ digits: [Int]) -> Bool {
        var sum = 0
        for (position, digit) in digits.reversed().enumerated() {
            if position % 2 == 1 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        return sum % 10 == 0
    }
}

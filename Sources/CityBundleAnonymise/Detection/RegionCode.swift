/// The first two digits of a resident identity number: the province-level division that issued it.
enum RegionCode {
    /// Province-level codes of GB/T 2260 in use in identity numbers, plus 81–83 for the residence permits of
    /// Hong Kong, Macao and Taiwan residents.
    static let provinces: Set<Int> = [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
    ]

    /// Whether the two digits at `i` are a known province code.
    static func isProvince(_ text: ScannedText, at i: Int) -> Bool {
        provinces.contains(text.number(at: i, length: 2))
    }
}

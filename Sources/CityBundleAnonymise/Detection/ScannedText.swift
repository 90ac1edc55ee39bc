/// A text prepared for the detectors: its Unicode scalars as numbers, with full-width forms folded to ASCII,
/// and the string index of every scalar so that matches can be handed back as ranges of the original text.
///
/// Every detector walks this array once with bounded look-ahead: there is no backtracking.
struct ScannedText {
    /// The scalars' values; U+FF01–U+FF5E are folded to ASCII and U+3000 to a space.
    let values: [UInt32]
    /// The string index of each scalar, followed by the end index (`values.count + 1` entries).
    let indices: [String.Index]

    /// Scans `text`.
    init(_ text: String) {
        var values: [UInt32] = []
        var indices: [String.Index] = []
        values.reserveCapacity(text.utf8.count)
        indices.reserveCapacity(text.utf8.count + 1)
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            indices.append(index)
            values.append(Self.fold(scalars[index].value))
            scalars.formIndex(after: &index)
        }
        indices.append(scalars.endIndex)
        self.values = values
        self.indices = indices
    }

    /// The number of scalars.
    var count: Int { values.count }

    /// The scalar value at `i`, or 0 past either end.
    subscript(_ i: Int) -> UInt32 {
        i >= 0 && i < values.count ? values[i] : 0
    }

    /// Full-width ASCII variants and the ideographic space, as their ASCII counterparts.
    static func fold(_ value: UInt32) -> UInt32 {
        switch value {
        case 0xFF01...0xFF5E: value - 0xFEE0
        case 0x3000: 0x20
        default: value
        }
    }
}

/// The kind-specific masking formats, on Unicode scalars.
extension Masker {
    /// The asterisk.
    static let star: Unicode.Scalar = "*"

    /// Whether `scalar` is an ASCII or full-width digit.
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ScannedText.isDigit(ScannedText.fold(scalar.value))
    }

    /// `scalars` with every digit for which `keep(index, digitCount)` is false replaced by `*`; nil when there
    /// are fewer than 8 digits.
    static func maskDigits(_ scalars: [Unicode.Scalar], keep: (Int, Int) -> Bool) -> [Unicode.Scalar]? {
        let count = scalars.count(where: isDigit)
        guard count >= 8 else { return nil }
        var digit = 0
        return scalars.map { scalar in
            guard isDigit(scalar) else { return scalar }
            defer { digit += 1 }
            return keep(digit, count) ? scalar : star
        }
    }

    /// A mobile number: any country code, the first 3 and the last 4 of the 11 national digits are kept.
    static func maskMobile(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        maskDigits(scalars) { digit, count in
            let national = digit - max(0, count - 11)
            return national < 3 || digit >= count - 4
        }
    }

    /// A fixed-line number: the country and area codes and the last 4 digits of the local number are kept, the
    /// extension hidden. Text that does not parse keeps its first 3 and last 4 digits.
    static func maskLandline(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        let text = ScannedText(String(String.UnicodeScalarView(scalars)))
        guard let layout = LandlineRule.parse(text, at: 0), layout.end == text.count else {
            return maskDigits(scalars) { digit, count in digit < 3 || digit >= count - 4 }
        }
        let localDigits = (layout.areaCodeEnd..<layout.localEnd).filter { text.isDigit(at: $0) }
        let keptLocal = Set(localDigits.suffix(4))
        return scalars.enumerated().map { offset, scalar in
            guard offset >= layout.areaCodeEnd, text.isDigit(at: offset) else { return scalar }
            return keptLocal.contains(offset) ? scalar : star
        }
    }

    /// The first `first` and last `last` scalars kept, the others replaced by `*`; nil when there are not at
    /// least two more scalars than are kept.
    static func keepEnds(_ scalars: [Unicode.Scalar], first: Int, last: Int) -> [Unicode.Scalar]? {
        guard scalars.count >= first + last + 1, scalars.count > 1 else { return nil }
        return scalars.enumerated().map { offset, scalar in
            offset < first || offset >= scalars.count - last ? scalar : star
        }
    }

    /// An e-mail address: the first character of the local part and `***`, then the domain.
    static func maskEmail(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        guard let at = scalars.lastIndex(where: { ScannedText.fold($0.value) == 0x40 }), at > 0 else { return nil }
        return [scalars[0], star, star, star] + scalars[at...]
    }

    /// A licence plate: the province and office letter kept, every other character but separators hidden.
    static func maskPlate(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        guard scalars.count > 2 else { return nil }
        return scalars.enumerated().map { offset, scalar in
            offset < 2 || LicencePlateRule.separators.contains(scalar.value) ? scalar : star
        }
    }
}

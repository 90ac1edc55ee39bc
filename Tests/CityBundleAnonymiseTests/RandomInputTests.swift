import CityBundleAnonymise
import Testing

@Suite("Random input")
struct RandomInputTests {
    /// Scalars that exercise every rule: digits, separators, `@`, letters, province characters, context words,
    /// full-width forms, combining marks and emoji.
    static let alphabet: [Unicode.Scalar] = Array(
        "0123456789012345678901234567890123456789 -- ..@@++()xXEGADabz鄂京粤护照号转学，。１２＠（）·\u{301}\u{200D}👍"
            .unicodeScalars)

    /// Pieces of personal information and their surroundings, to make near misses likely.
    static let fragments = [
        "420106199001011231", "6222021234567894", "13812345678", "420106900101123", "138", "1381234", "+86", "0086",
        "86-", "027-", "(027)", "转", "ext", "@", "@whu.edu.cn", "zhang.san",
        ".cn", "鄂A", "鄂AD", "学", "·", "护照", "Passport ", "E", "EA", "X", "6222 ", "4201061990", "0101",
        "19900101", "420106", "-", " ", ".", "\u{301}",
    ]

    /// A random string of up to `maximumTokens` tokens: single scalars from ``alphabet``, digit runs of 1–19
    /// digits and ``fragments``.
    static func randomText(_ generator: inout SeededGenerator, maximumTokens: Int) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...maximumTokens, using: &generator) {
            switch Int.random(in: 0..<4, using: &generator) {
            case 0, 1: text.unicodeScalars.append(alphabet.randomElement(using: &generator)!)
            case 2:
                let count = Int.random(in: 1...19, using: &generator)
                text += String((0..<count).map { _ in "0123456789".randomElement(using: &generator)! })
            default: text += fragments.randomElement(using: &generator)!
            }
        }
        return text
    }

    @Test("no crash, valid ranges, and masked output holds nothing detectable", .timeLimit(.minutes(5)))
    func randomStrings() {
        var generator = SeededGenerator(seed: 20_231_117)
        let detector = PIIDetector()
        let masker = Masker()
        let allKinds = Set(PIIKind.allCases)
        var matchesSeen = 0
        for _ in 0..<3000 {
            let text = Self.randomText(&generator, maximumTokens: 40)
            let matches = detector.findAll(in: text, fieldName: "passport")
            var previousEnd = text.startIndex
            for match in matches {
                #expect(match.range.lowerBound >= previousEnd && !match.range.isEmpty, "\(text)")
                previousEnd = match.range.upperBound
            }
            #expect(previousEnd <= text.endIndex)
            let (masked, hits) = masker.maskDetected(in: text, kinds: allKinds, fieldName: "passport")
            #expect(hits.values.reduce(0, +) >= matches.count)
            // Nothing the detector would flag is left.
            #expect(detector.findAll(in: masked, fieldName: "passport").isEmpty, "\(text) → \(masked)")
            matchesSeen += matches.count
        }
        // Values that do not survive masking are checked on planted values below: in random text a masked
        // value's text can reappear by coincidence (`x@a.cn@a.cn` keeps the domain, which spells `cn@a.cn`).
        #expect(matchesSeen > 100)
    }

    /// A random valid value of `kind` from the test's own generators.
    static func plantedValue(_ kind: PIIKind, _ generator: inout SeededGenerator) -> String {
        func digits(_ count: Int) -> String {
            String((0..<count).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
        }
        switch kind {
        case .mobile: return "1" + String(Int.random(in: 3...9, using: &generator)) + digits(9)
        case .landline: return "027-" + String(Int.random(in: 2...9, using: &generator)) + digits(7)
        case .residentID:
            let year = Int.random(in: 1950...2005, using: &generator)
            let month = Int.random(in: 10...12, using: &generator)
            let day = Int.random(in: 10...28, using: &generator)
            return IdentityNumbers.residentID("420106\(year)\(month)\(day)" + digits(3))
        case .legacyResidentID: return "420106" + "8" + digits(1) + "0512" + digits(3)
        case .email: return "u" + digits(4) + ".x@whu.edu.cn"
        case .licencePlate: return "鄂A" + digits(5)
        case .bankCard: return IdentityNumbers.luhn("62" + digits(13))
        case .passport: return "护照E" + digits(8)
        }
    }

    @Test("planted values are found and never survive masking", .timeLimit(.minutes(5)))
    func plantedValues() {
        var generator = SeededGenerator(seed: 42)
        let filler = Array("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可也你对，。、；")
        let masker = Masker()
        for _ in 0..<500 {
            var text = ""
            var planted: [(PIIKind, String)] = []
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                text += String(
                    (0..<Int.random(in: 1...8, using: &generator)).map { _ in filler.randomElement(using: &generator)! }
                )
                let kind = PIIKind.allCases.randomElement(using: &generator)!
                let value = Self.plantedValue(kind, &generator)
                planted.append((kind, kind == .passport ? String(value.dropFirst(2)) : value))
                text += value
            }
            text += "。"
            let found = Set(Found.all(in: text))
            let (masked, _) = masker.maskDetected(in: text, kinds: Set(PIIKind.allCases))
            for (kind, value) in planted {
                #expect(found.contains(Found(kind, value)), "\(kind) \(value) in \(text)")
                #expect(!masked.contains(value), "\(value) survived in \(masked)")
            }
        }
    }

    @Test("long adversarial inputs finish", .timeLimit(.minutes(5)))
    func adversarial() {
        let detector = PIIDetector()
        let inputs = [
            String(repeating: "1", count: 200_000),
            String(repeating: "1 ", count: 100_000),
            String(repeating: "6222 ", count: 50_000),
            String(repeating: "a@", count: 100_000),
            String(repeating: "a.", count: 100_000) + "@" + String(repeating: "b.", count: 100_000) + "cn",
            String(repeating: "鄂A", count: 100_000),
            String(repeating: "护照E", count: 60_000),
            String(repeating: "0", count: 200_000),
            String(repeating: "(027)", count: 50_000),
            String(repeating: "027-8888 ", count: 30_000),
        ]
        for input in inputs {
            _ = detector.findAll(in: input, fieldName: "passport")
        }
        #expect(detector.findAll(in: String(repeating: "13812345678 ", count: 10_000)).count == 10_000)
    }
}

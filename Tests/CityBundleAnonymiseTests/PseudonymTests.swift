import CityBundleAnonymise
import Testing

@Suite("Pseudonyms")
struct PseudonymTests {
    static let keyA = try! PseudonymKey(bytes: Array(0..<32) as [UInt8])
    static let keyB = try! PseudonymKey(bytes: Array(repeating: 7, count: 32) as [UInt8])

    @Test("HMAC-SHA-256 known answers (computed with Python's hmac module)")
    func knownAnswers() {
        let pseudonymiser = Pseudonymiser(key: Self.keyA)
        #expect(pseudonymiser.pseudonym(for: "13812345678") == "ps_05ec8d79e8cc09ed99aa")
        #expect(pseudonymiser.pseudonym(for: "张三") == "ps_f816bf03f906c81a577a")
        #expect(Self.keyA.id == "630dcd29")
    }

    @Test("stable under one key, different under another, never the input")
    func stability() {
        let a = Pseudonymiser(key: Self.keyA)
        let b = Pseudonymiser(key: Self.keyB)
        for value in ["13812345678", "张三", "", "ps_05ec8d79e8cc09ed99aa", "420106199001011234"] {
            let first = a.pseudonym(for: value)
            #expect(first == a.pseudonym(for: value))
            #expect(first != b.pseudonym(for: value))
            #expect(first != value)
            #expect(first.hasPrefix("ps_") && first.count == 23)
            #expect(first.dropFirst(3).allSatisfy { $0.isHexDigit && !$0.isUppercase })
        }
    }

    @Test("different values get different pseudonyms")
    func distinct() {
        let a = Pseudonymiser(key: Self.keyA)
        let values = (0..<1000).map { "1381234\(1000 + $0)" }
        #expect(Set(values.map(a.pseudonym(for:))).count == values.count)
    }
}

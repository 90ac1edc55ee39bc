import CityBundleAnonymise
import Testing

@Suite("Bank cards")
struct CardDetectionTests {
    static let validCard = IdentityNumbers.luhn("622202123456789")  // 16 digits, UnionPay
    static let invalidCard = String(validCard.dropLast()) + String((Int(String(validCard.last!))! + 1) % 10)

    @Test("a 16-digit Luhn-valid card is found, a Luhn-invalid one is not")
    func luhnGate() {
        #expect(IdentityNumbers.isLuhnValid(Self.validCard) && !IdentityNumbers.isLuhnValid(Self.invalidCard))
        #expect(Found.all(in: "银行卡号\(Self.validCard)请转账") == [Found(.bankCard, Self.validCard)])
        #expect(Found.all(in: "银行卡号\(Self.invalidCard)请转账") == [])
    }

    @Test("grouped forms and lengths 16 to 19")
    func forms() {
        let grouped = Self.groups(Self.validCard, separator: " ")
        #expect(Found.all(in: "卡号：\(grouped)。") == [Found(.bankCard, grouped)])
        let dashed = Self.groups(Self.validCard, separator: "-")
        #expect(Found.all(in: "卡号\(dashed)") == [Found(.bankCard, dashed)])
        let nineteen = IdentityNumbers.luhn("621700123456789012")
        #expect(Found.all(in: "建行卡\(nineteen)") == [Found(.bankCard, nineteen)])
        let nineteenGrouped = Self.groups(nineteen, separator: " ")
        #expect(Found.all(in: "建行卡 \(nineteenGrouped) 到账") == [Found(.bankCard, nineteenGrouped)])
        let visa = IdentityNumbers.luhn("411111111111111")
        #expect(Found.all(in: "Visa \(visa)") == [Found(.bankCard, visa)])
    }

    @Test("Luhn-valid numbers that are not cards")
    func notCards() {
        let badPrefix = IdentityNumbers.luhn("123456789012345")  // starts with 1
        #expect(Found.all(in: "流水号\(badPrefix)") == [])
        let mixedSeparators = "6222 0212-3456 789" + String(Self.validCard.suffix(1))
        #expect(!Found.all(in: mixedSeparators).map(\.kind).contains(.bankCard))
        let longer = Self.groups(Self.validCard, separator: " ") + " 1234"  // a fifth group of four: 20 digits
        #expect(!Found.all(in: longer).map(\.kind).contains(.bankCard))
        let twenty = IdentityNumbers.luhn("6222021234567890123")
        #expect(Found.all(in: "编号\(twenty)") == [])
    }

    /// `digits` in groups of four joined by `separator`.
    static func groups(_ digits: String, separator: String) -> String {
        var parts: [String] = []
        var rest = Substring(digits)
        while !rest.isEmpty {
            parts.append(String(rest.prefix(4)))
            rest = rest.dropFirst(4)
        }
        return parts.joined(separator: separator)
    }
}

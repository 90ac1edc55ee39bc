import CityBundleAnonymise
import Testing

@Suite("Resident identity numbers")
struct IdentityDetectionTests {
    static let bodies = ["42010619900101123", "11010519491231002", "44030420000229005", "65010219761120456"]

    @Test("finds IDs with a valid check character", arguments: bodies)
    func validChecksum(_ body: String) {
        let id = IdentityNumbers.residentID(body)
        #expect(Found.all(in: "他的身份证号是\(id)，请核对") == [Found(.residentID, id)])
        #expect(Found.all(in: id) == [Found(.residentID, id)])
    }

    @Test("rejects IDs with a wrong check character", arguments: bodies)
    func wrongChecksum(_ body: String) {
        let number = IdentityNumbers.residentIDWithWrongCheck(body)
        let found = Found.all(in: "身份证\(number)号")
        #expect(!found.map(\.kind).contains(.residentID))
        // Whatever is flagged instead must be a Luhn-valid bank card.
        for match in found {
            #expect(match.kind == .bankCard && IdentityNumbers.isLuhnValid(match.text))
        }
    }

    @Test("an 18-digit number with a wrong ID check but a valid Luhn digit is a bank card")
    func wrongIDCheckButLuhnValid() throws {
        let number = try #require(
            (0..<1000).lazy.map { IdentityNumbers.luhn("42010619900101" + String($0 + 1000).dropFirst()) }
                .first { $0 != IdentityNumbers.residentID(String($0.prefix(17))) })
        #expect(Found.all(in: "卡\(number)号") == [Found(.bankCard, number)])
    }

    @Test("an ID that also passes Luhn is reported as an ID")
    func idBeatsCard() throws {
        let id = try #require(
            (0..<1000).lazy.map { IdentityNumbers.residentID("42010619900101" + String($0 + 1000).dropFirst()) }
                .first { IdentityNumbers.isLuhnValid($0) && $0.last != "X" })
        #expect(Found.all(in: "证件\(id)。") == [Found(.residentID, id)])
    }

    @Test("accepts X and x as the check character")
    func letterCheck() throws {
        let id = try #require(
            (0..<1000).lazy.map { IdentityNumbers.residentID("42010619850612" + String($0 + 1000).dropFirst()) }
                .first { $0.hasSuffix("X") })
        #expect(Found.all(in: "身份证\(id)") == [Found(.residentID, id)])
        let lower = id.lowercased()
        #expect(Found.all(in: "身份证\(lower)") == [Found(.residentID, lower)])
    }

    static let impossibleBodies = [
        "42010619900230123",  // 30 February
        "42010620990101123",  // born in the future
        "42010618991231123",  // before 1900
        "99010619900101123",  // no such province
    ]

    @Test("rejects IDs with an impossible region or birth date", arguments: impossibleBodies)
    func impossible(_ body: String) {
        let id = IdentityNumbers.residentID(body)
        #expect(!Found.all(in: "身份证\(id)").map(\.kind).contains(.residentID))
    }

    @Test("rejects IDs glued to more digits or letters")
    func glued() {
        let id = IdentityNumbers.residentID("42010619900101123")
        #expect(!Found.all(in: "9\(id)").map(\.kind).contains(.residentID))
        #expect(!Found.all(in: "ID\(id)").map(\.kind).contains(.residentID))
    }

    @Test("finds 15-digit legacy IDs with a valid date")
    func legacy() {
        #expect(Found.all(in: "旧身份证420106900101123已换") == [Found(.legacyResidentID, "420106900101123")])
        #expect(Found.all(in: "旧证420106901301123") == [])  // month 13
        #expect(Found.all(in: "旧证990106900101123") == [])  // no such province
        #expect(Found.all(in: "旧证4201069001011234") == [])  // 16 digits, Luhn-invalid
    }
}

import CityBundleAnonymise
import Testing

@Suite("Passports")
struct PassportDetectionTests {
    static let positives: [DetectionCase] = [
        DetectionCase("护照号码E12345678已核验", Found(.passport, "E12345678")),
        DetectionCase("Passport No. G12345678", Found(.passport, "G12345678")),
        DetectionCase("证件号：EA1234567", Found(.passport, "EA1234567")),
        DetectionCase("持护照（号码为E87654321）入境", Found(.passport, "E87654321")),
    ]

    @Test("finds passport numbers after a context word", arguments: positives)
    func withContext(_ example: DetectionCase) {
        #expect(Found.all(in: example.text) == example.expected)
    }

    @Test(
        "ignores passport-shaped codes without context",
        arguments: ["产品型号E12345678", "护照信息已经登记完毕，另附产品编号E12345678", "E12345678", "护照E123456789"])
    func withoutContext(_ text: String) {
        #expect(Found.all(in: text) == [])
    }

    @Test("a passport field needs no context word", arguments: ["passport", "PASSPORT_NO", "huzhao", "护照号"])
    func fieldName(_ name: String) {
        #expect(Found.all(in: "E12345678", fieldName: name) == [Found(.passport, "E12345678")])
        #expect(Found.all(in: "EA1234567", fieldName: name) == [Found(.passport, "EA1234567")])
    }

    @Test("other field names do not enable it")
    func otherFieldName() {
        #expect(Found.all(in: "E12345678", fieldName: "product_code") == [])
    }
}

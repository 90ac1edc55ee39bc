import CityBundleAnonymise
import Testing

@Suite("Licence plates")
struct PlateDetectionTests {
    static let positives: [DetectionCase] = [
        DetectionCase("车牌鄂A12345停在楼下", Found(.licencePlate, "鄂A12345")),
        DetectionCase("车牌鄂A·12345", Found(.licencePlate, "鄂A·12345")),
        DetectionCase("新能源鄂AD12345充电", Found(.licencePlate, "鄂AD12345")),
        DetectionCase("大型新能源鄂A12345F", Found(.licencePlate, "鄂A12345F")),
        DetectionCase("教练车鄂A 1234学", Found(.licencePlate, "鄂A 1234学")),
        DetectionCase("粤Z1234港入境", Found(.licencePlate, "粤Z1234港")),
        DetectionCase("京B·C1234和沪AB1234", Found(.licencePlate, "京B·C1234"), Found(.licencePlate, "沪AB1234")),
        DetectionCase("琼ＡＤ１２３４５", Found(.licencePlate, "琼ＡＤ１２３４５")),
    ]

    @Test("finds plates inside Chinese text", arguments: positives)
    func positive(_ example: DetectionCase) {
        #expect(Found.all(in: example.text) == example.expected)
    }

    @Test(
        "does not flag what is not a plate",
        arguments: [
            "鄂A1234", "鄂A123456789", "鄂I12345", "鄂O12345", "鄂ABCDE", "湖北A12345", "鄂A12345678", "鄂AB1CDE",
        ])
    func negative(_ text: String) {
        #expect(!Found.all(in: text).map(\.kind).contains(.licencePlate), "\(text)")
    }
}

import CityBundleAnonymise
import Testing

@Suite("Ordinary values")
struct OrdinaryValueTests {
    static let values = [
        "420106",  // adcode
        "2023", "1949年", "105.0", "高度105.0米，建于2023年", "¥1380.00", "价格1380元",
        "98965867", "way/98965867", "osm:1184326519",  // OSM ids
        "1684300000",  // a 10-digit Unix timestamp
        "1684300000123",  // milliseconds
        "114.3052,30.5928", "30.59138123456789", "POINT (114.30512345678 30.59281234567)",
        "Q462372", "districts-1a2b3c4d5e6f7a8b", "v1.13.0", "ISBN 978-7-307-12345-6",
        "黄鹤楼", "2023-05-17T08:00:00+08:00", "0.5 m", "EPSG:4490",
        "d41d8cd98f00b204e9800998ecf8427e",  // an md5
    ]

    @Test("ordinary values are not flagged", arguments: values)
    func notFlagged(_ text: String) {
        #expect(Found.all(in: text) == [])
    }

    @Test("the detector can be limited to some kinds")
    func limitedKinds() {
        let detector = PIIDetector(kinds: [.email])
        #expect(Found.all(in: "13812345678 a@b.cn", detector: detector) == [Found(.email, "a@b.cn")])
        #expect(PIIDetector(kinds: []).findAll(in: "13812345678").isEmpty)
    }

    @Test("matches are ranges of the original text")
    func ranges() throws {
        let text = "é13812345678👍🏽鄂A12345"
        let matches = PIIDetector().findAll(in: text)
        #expect(matches.map(\.kind) == [.mobile, .licencePlate])
        let first = try #require(matches.first)
        #expect(String(text[first.range]) == "13812345678")
    }

    @Test("a number glued to a combining mark is not cut in half")
    func combiningMark() {
        #expect(Found.all(in: "13812345678\u{20E3}") == [])
    }
}

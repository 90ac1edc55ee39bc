import CityBundleAnonymise
import Testing

@Suite("E-mail addresses")
struct EmailDetectionTests {
    static let positives: [DetectionCase] = [
        DetectionCase("联系邮箱zhang.san+gis@whu.edu.cn谢谢", Found(.email, "zhang.san+gis@whu.edu.cn")),
        DetectionCase("发送至 li@mail.hust.edu.cn。", Found(.email, "li@mail.hust.edu.cn")),
        DetectionCase("邮箱：Wang_Wu-1@163.com，电话略", Found(.email, "Wang_Wu-1@163.com")),
        DetectionCase("<a@b-c.example.org>", Found(.email, "a@b-c.example.org")),
        DetectionCase("全角＠：ｚｈａｎｇ＠ｗｈｕ．ｅｄｕ．ｃｎ", Found(.email, "ｚｈａｎｇ＠ｗｈｕ．ｅｄｕ．ｃｎ")),
        DetectionCase("13812345678@163.com", Found(.email, "13812345678@163.com")),
        DetectionCase("x@whu.edu.cn2024年", Found(.email, "x@whu.edu")),
        DetectionCase("..dots@whu.cn", Found(.email, "dots@whu.cn")),
        DetectionCase("a..b@whu.cn", Found(.email, "b@whu.cn")),
        DetectionCase("a@b.cn@c.cn", Found(.email, "a@b.cn")),
        DetectionCase("x@y@whu.edu.cn", Found(.email, "y@whu.edu.cn")),
    ]

    @Test("finds addresses inside Chinese text", arguments: positives)
    func positive(_ example: DetectionCase) {
        #expect(Found.all(in: example.text) == example.expected)
    }

    @Test(
        "does not flag what is not an address",
        arguments: ["user@localhost", "@whu.edu.cn", "a@b.c", "价格@5元", "x.@whu.cn", "a@-b.cn", "@@@"])
    func negative(_ text: String) {
        #expect(Found.all(in: text) == [])
    }
}

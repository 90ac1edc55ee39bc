import CityBundleAnonymise
import Testing

@Suite("Phone numbers")
struct PhoneDetectionTests {
    static let positives: [DetectionCase] = [
        DetectionCase(
            "请联系张先生13812345678或027-87654321", Found(.mobile, "13812345678"), Found(.landline, "027-87654321")),
        DetectionCase("手机：138 1234 5678，谢谢", Found(.mobile, "138 1234 5678")),
        DetectionCase("电话138-1234-5678。", Found(.mobile, "138-1234-5678")),
        DetectionCase("境外请拨+86 139 1234 5678转告", Found(.mobile, "+86 139 1234 5678")),
        DetectionCase("境外请拨+8613912345678", Found(.mobile, "+8613912345678")),
        DetectionCase("拨打008618612345678联系", Found(.mobile, "008618612345678")),
        DetectionCase("号码86-19912345678", Found(.mobile, "86-19912345678")),
        DetectionCase("全角手机１３８１２３４５６７８号", Found(.mobile, "１３８１２３４５６７８")),
        DetectionCase("两部手机13812345678 13912345678", Found(.mobile, "13812345678"), Found(.mobile, "13912345678")),
        DetectionCase("tel: 15012345678.", Found(.mobile, "15012345678")),
        DetectionCase("办公室027-8888 8888", Found(.landline, "027-8888 8888")),
        DetectionCase("电话(027)88888888", Found(.landline, "(027)88888888")),
        DetectionCase("电话（027）88888888", Found(.landline, "（027）88888888")),
        DetectionCase("总机027 88888888找王工", Found(.landline, "027 88888888")),
        DetectionCase("国际0086-27-88888888", Found(.landline, "0086-27-88888888")),
        DetectionCase("国际+86 27 8765 4321", Found(.landline, "+86 27 8765 4321")),
        DetectionCase("北京010-62751234", Found(.landline, "010-62751234")),
        DetectionCase("宿迁0527-8123456", Found(.landline, "0527-8123456")),
        DetectionCase("无分隔02787654321", Found(.landline, "02787654321")),
        DetectionCase("分机027-87654321转123找我", Found(.landline, "027-87654321转123")),
        DetectionCase("分机027-87654321-8021", Found(.landline, "027-87654321-8021")),
        DetectionCase("ext 027-87654321 ext. 12", Found(.landline, "027-87654321 ext. 12")),
    ]

    @Test("finds phone numbers inside Chinese text", arguments: positives)
    func positive(_ example: DetectionCase) {
        #expect(Found.all(in: example.text) == example.expected)
    }

    static let negatives = [
        "编号138123456789",  // 12 digits
        "订单2138123456789",  // part of a longer run
        "号码12812345678",  // 12x is no mobile prefix
        "坐标0.13812345678",  // a decimal fraction
        "长度13812345678.5米",  // a decimal number
        "SKU13812345678",  // glued to letters: a code
        "13812345678abc",
        "本地87654321",  // no area code
        "日期2023-05-17",
        "区号0123-4567890",  // 012 is no area code
        "号码027-1234567",  // local numbers do not start with 1
        "号码027-876543219",  // 9-digit local number
    ]

    @Test("does not flag numbers that are not phone numbers", arguments: negatives)
    func negative(_ text: String) {
        let kinds = Found.all(in: text).map(\.kind)
        #expect(!kinds.contains(.mobile) && !kinds.contains(.landline), "\(text)")
    }
}

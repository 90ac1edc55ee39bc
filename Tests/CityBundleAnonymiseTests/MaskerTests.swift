import CityBundleAnonymise
import Testing

@Suite("Masking")
struct MaskerTests {
    let masker = Masker()

    @Test("each kind has its exact format")
    func formats() {
        #expect(masker.mask("13812345678", kind: .mobile) == "138****5678")
        #expect(masker.mask("+86 138 1234 5678", kind: .mobile) == "+86 138 **** 5678")
        #expect(masker.mask("027-87654321", kind: .landline) == "027-****4321")
        #expect(masker.mask("(027)88888888", kind: .landline) == "(027)****8888")
        #expect(masker.mask("0086-27-88888888", kind: .landline) == "0086-27-****8888")
        #expect(masker.mask("027-87654321转123", kind: .landline) == "027-****4321转***")
        #expect(masker.mask("420106199001011234", kind: .residentID) == "420106********1234")
        #expect(masker.mask("42010619900101123X", kind: .residentID) == "420106********123X")
        #expect(masker.mask("420106900101123", kind: .legacyResidentID) == "420106*****1123")
        #expect(masker.mask("zhang.san+gis@whu.edu.cn", kind: .email) == "z***@whu.edu.cn")
        #expect(masker.mask("鄂A12345", kind: .licencePlate) == "鄂A*****")
        #expect(masker.mask("鄂A·12345", kind: .licencePlate) == "鄂A·*****")
        #expect(masker.mask("鄂AD12345", kind: .licencePlate) == "鄂A******")
        #expect(masker.mask("鄂A1234学", kind: .licencePlate) == "鄂A*****")
        #expect(masker.mask("6222021234561234", kind: .bankCard) == "************1234")
        #expect(masker.mask("6222 0212 3456 1234", kind: .bankCard) == "**** **** **** 1234")
        #expect(masker.mask("E12345678", kind: .passport) == "E********")
    }

    @Test("arbitrary text keeps only its first and last character")
    func wholeField() {
        #expect(masker.mask("张三丰", kind: nil) == "张*丰")
        #expect(masker.mask("Wuhan University", kind: nil) == "W**************y")
        #expect(masker.mask("张三", kind: nil) == "张*")
        #expect(masker.mask("王", kind: nil) == "*")
        #expect(masker.mask("", kind: nil) == "")
    }

    @Test("text that does not have the kind's shape is masked as arbitrary text")
    func wrongShape() {
        #expect(masker.mask("12345", kind: .mobile) == "1***5")
        #expect(masker.mask("no at sign", kind: .email) == "n********n")
        #expect(masker.mask("1234", kind: .residentID) == "1**4")
    }

    @Test("masks every detected span inside longer text and counts them")
    func detected() {
        let (masked, hits) = masker.maskDetected(
            in: "请联系张先生13812345678或027-87654321，邮箱zhang@whu.edu.cn", kinds: Set(PIIKind.allCases))
        #expect(masked == "请联系张先生138****5678或027-****4321，邮箱z***@whu.edu.cn")
        #expect(hits == [.mobile: 1, .landline: 1, .email: 1])
    }

    @Test("masks only the kinds asked for")
    func onlyKinds() {
        let (masked, hits) = masker.maskDetected(in: "13812345678 / zhang@whu.edu.cn", kinds: [.email])
        #expect(masked == "13812345678 / z***@whu.edu.cn")
        #expect(hits == [.email: 1])
        let (phoneInAddress, _) = masker.maskDetected(in: "13812345678@163.com", kinds: [.mobile])
        #expect(phoneInAddress == "138****5678@163.com")
    }

    @Test("text without personal information is returned unchanged")
    func unchanged() {
        let (masked, hits) = masker.maskDetected(in: "黄鹤楼，高51.4米", kinds: Set(PIIKind.allCases))
        #expect(masked == "黄鹤楼，高51.4米")
        #expect(hits.isEmpty)
    }

    @Test("passports in a passport field are masked without context")
    func passportField() {
        let (masked, hits) = masker.maskDetected(in: "E12345678", kinds: [.passport], fieldName: "护照号")
        #expect(masked == "E********")
        #expect(hits == [.passport: 1])
    }
}

import CityBundleAnonymise
import CityBundleModel
import Testing

@Suite("Applying actions")
struct ValueAnonymiserTests {
    static let key = try! PseudonymKey(bytes: Array(0..<32) as [UInt8])
    let anonymiser = ValueAnonymiser(key: key)

    @Test("keep and drop")
    func keepAndDrop() throws {
        var audit = AnonymisationAudit()
        #expect(try anonymiser.apply(.keep, to: .string("黄鹤楼"), field: "name", audit: &audit) == .string("黄鹤楼"))
        #expect(try anonymiser.apply(.drop, to: .string("13812345678"), field: "phone", audit: &audit) == nil)
        #expect(try anonymiser.apply(.drop, to: .null, field: "phone", audit: &audit) == nil)
        #expect(audit.fields["name"]?.valuesChanged == 0)
        #expect(audit.fields["phone"]?.valuesSeen == 2)
        #expect(audit.fields["phone"]?.valuesChanged == 1)
        #expect(audit.fields["phone"]?.actions == ["drop"])
    }

    @Test("pseudonymise, with and without a key")
    func pseudonymise() throws {
        var audit = AnonymisationAudit()
        let value = try anonymiser.apply(.pseudonymise, to: .string("13812345678"), field: "phone", audit: &audit)
        #expect(value == .string("ps_05ec8d79e8cc09ed99aa"))
        let number = try anonymiser.apply(.pseudonymise, to: .int(13_812_345_678), field: "phone", audit: &audit)
        #expect(number == value)
        #expect(try anonymiser.apply(.pseudonymise, to: .null, field: "phone", audit: &audit) == .null)
        #expect(audit.fields["phone"]?.valuesChanged == 2)
        let error = #expect(throws: AnonymiseError.self) {
            try ValueAnonymiser().apply(.pseudonymise, to: .string("x"), field: "phone", audit: &audit)
        }
        #expect(error?.exitStatus == .usage)
    }

    @Test("mask uses the kind's format when the whole value is one piece of personal information")
    func mask() throws {
        var audit = AnonymisationAudit()
        #expect(
            try anonymiser.apply(.mask, to: .string("13812345678"), field: "tel", audit: &audit)
                == .string("138****5678"))
        #expect(
            try anonymiser.apply(.mask, to: .int(13_812_345_678), field: "tel", audit: &audit) == .string("138****5678")
        )
        #expect(try anonymiser.apply(.mask, to: .string("张三丰"), field: "owner", audit: &audit) == .string("张*丰"))
        #expect(
            try anonymiser.apply(.mask, to: .string("E12345678"), field: "passport", audit: &audit)
                == .string("E********"))
        #expect(audit.fields["tel"]?.actions == ["mask"])
    }

    @Test("generalise records emptied values")
    func generalise() throws {
        var audit = AnonymisationAudit()
        let rule = FieldAction.generalise(.addressToDistrict)
        #expect(
            try anonymiser.apply(rule, to: .string("湖北省武汉市武昌区中北路123号"), field: "addr", audit: &audit)
                == .string("湖北省武汉市武昌区"))
        #expect(try anonymiser.apply(rule, to: .string("中北路123号"), field: "addr", audit: &audit) == .string(""))
        #expect(audit.fields["addr"]?.valuesChanged == 2)
        #expect(audit.fields["addr"]?.valuesEmptied == 1)
        #expect(audit.fields["addr"]?.actions == ["generalise.addressToDistrict"])
    }

    @Test("scrub masks personal information inside text and counts hits")
    func scrub() {
        var audit = AnonymisationAudit()
        let text = Value.string("请联系张先生13812345678或027-87654321")
        #expect(anonymiser.scrub(text, field: "remark", audit: &audit) == .string("请联系张先生138****5678或027-****4321"))
        #expect(anonymiser.scrub(.int(13_812_345_678), field: "id", audit: &audit) == .int(13_812_345_678))
        #expect(anonymiser.scrub(.string("黄鹤楼"), field: "name", audit: &audit) == .string("黄鹤楼"))
        #expect(audit.detectorHits == [.mobile: 1, .landline: 1])
        #expect(audit.fields["name"] == nil)
    }

    @Test("rule names")
    func ruleNames() {
        #expect(FieldAction.keep.ruleName == "keep")
        #expect(FieldAction.generalise(.roundNumber(step: 5)).ruleName == "generalise.roundNumber(step: 5.0)")
        #expect(FieldAction.generalise(.dateToYear).ruleName == "generalise.dateToYear")
    }
}

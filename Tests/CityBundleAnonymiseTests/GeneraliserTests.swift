import CityBundleAnonymise
import CityBundleModel
import Testing

@Suite("Generalisation")
struct GeneraliserTests {
    let generaliser = Generaliser()

    /// The generalised value, or nil when it was emptied.
    func generalise(_ value: Value, _ rule: Generalisation) throws -> Value? {
        let (result, emptied) = try generaliser.generalise(value, with: rule)
        return emptied ? nil : result
    }

    @Test("numbers are rounded to the step, keeping their case")
    func numbers() throws {
        #expect(try generalise(.int(105), .roundNumber(step: 10)) == .int(110))
        #expect(try generalise(.int(104), .roundNumber(step: 10)) == .int(100))
        #expect(try generalise(.int(-105), .roundNumber(step: 10)) == .int(-110))
        #expect(try generalise(.double(105.0), .roundNumber(step: 10)) == .double(110))
        #expect(try generalise(.double(6.3), .roundNumber(step: 2.5)) == .double(7.5))
        #expect(try generalise(.double(0.1 + 0.2), .roundNumber(step: 0.1)) == .double(0.3))
        #expect(try generalise(.double(-0.4), .roundNumber(step: 1)) == .double(0))
        #expect(try generalise(.int(7), .roundNumber(step: 0.5)) == .double(7))
        #expect(try generalise(.string("105.0"), .roundNumber(step: 10)) == .string("110"))
        #expect(try generalise(.string(" 51.4 "), .roundNumber(step: 5)) == .string("50"))
    }

    @Test("values that cannot be rounded are emptied")
    func notNumbers() throws {
        #expect(try generaliser.generalise(.string("高"), with: .roundNumber(step: 10)) == (.string(""), true))
        #expect(try generaliser.generalise(.bool(true), with: .roundNumber(step: 10)) == (.null, true))
        #expect(try generaliser.generalise(.double(.infinity), with: .roundNumber(step: 10)) == (.null, true))
        #expect(try generaliser.generalise(.null, with: .roundNumber(step: 10)) == (.null, false))
        #expect(try generaliser.generalise(.string(""), with: .dateToYear) == (.string(""), false))
    }

    @Test("an impossible step is a usage error", arguments: [0, -5, Double.nan, Double.infinity])
    func badStep(_ step: Double) {
        let error = #expect(throws: AnonymiseError.self) {
            try generaliser.generalise(.int(1), with: .roundNumber(step: step))
        }
        #expect(error?.exitStatus == .usage)
    }

    static let dates: [(String, month: String, year: String)] = [
        ("2023-05-17", "2023-05", "2023"),
        ("2023/05/17", "2023-05", "2023"),
        ("2023.5.7", "2023-05", "2023"),
        ("2023年5月17日", "2023-05", "2023"),
        ("2023年 12 月 1 日上午", "2023-12", "2023"),
        ("2023-05-17T08:00:00", "2023-05", "2023"),
        ("2023-05-17T08:00:00+08:00", "2023-05", "2023"),
        ("2023-05-17 08:00", "2023-05", "2023"),
        ("2023-05", "2023-05", "2023"),
        ("2023年5月", "2023-05", "2023"),
        ("2023年", "2023", "2023"),
        ("2023", "2023", "2023"),
    ]

    @Test("dates and date-times are cut to the month or the year", arguments: dates)
    func datesCut(_ example: (String, month: String, year: String)) throws {
        #expect(try generalise(.string(example.0), .dateToMonth) == .string(example.month))
        #expect(try generalise(.string(example.0), .dateToYear) == .string(example.year))
    }

    @Test(
        "text that is not a date is emptied",
        arguments: ["2023-02-30", "2023-13-01", "yesterday", "105.0", "2023-05-17x", "0999-01-01", "2023年13月"])
    func notDates(_ text: String) throws {
        #expect(try generaliser.generalise(.string(text), with: .dateToMonth) == (.string(""), true))
    }

    @Test("a whole-number year is a date")
    func integerYear() throws {
        #expect(try generalise(.int(2023), .dateToYear) == .string("2023"))
        #expect(try generalise(.double(2023), .dateToMonth) == .string("2023"))
        #expect(try generalise(.double(2023.5), .dateToYear) == nil)
    }

    static let addresses: [(String, String)] = [
        ("湖北省武汉市武昌区中北路123号3栋201室", "湖北省武汉市武昌区"),
        ("武汉市东湖新技术开发区高新大道999号", "武汉市东湖新技术开发区"),
        ("武汉市东西湖区", "武汉市东西湖区"),
        ("北京市朝阳区建国路88号", "北京市朝阳区"),
        ("上海市浦东新区张江镇", "上海市浦东新区"),
        ("湖北省荆州市松滋市新江口街道", "湖北省荆州市松滋市"),
        ("湖北省荆州市公安县斗湖堤镇", "湖北省荆州市公安县"),
        ("山东省济南市市中区", "山东省济南市市中区"),
        ("湖北省仙桃市沔城回族镇", "湖北省仙桃市"),
        ("武汉市中北路123号", "武汉市"),
        ("武汉市万科城市花园小区3栋", "武汉市"),
        ("武汉市晒湖小区", "武汉市"),
        ("武汉市沃尔玛超市", "武汉市"),
        ("  武汉市汉阳区  ", "武汉市汉阳区"),
    ]

    @Test("addresses are cut to the district, or the city", arguments: addresses)
    func addressCut(_ example: (String, String)) throws {
        #expect(try generalise(.string(example.0), .addressToDistrict) == .string(example.1))
    }

    @Test("an address without a city is emptied and reported", arguments: ["武昌区中北路123号", "湖北省", "中北路"])
    func noCity(_ text: String) throws {
        #expect(try generaliser.generalise(.string(text), with: .addressToDistrict) == (.string(""), true))
    }
}

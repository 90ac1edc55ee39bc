/// Generated personal data: names, mobile numbers, resident ids and the remarks that leak them.
///
/// Everything here is made up, but shaped like the real thing, so privacy checks have something to find:
/// mobile numbers match `1[3-9]\d{9}` and resident ids are 18 characters with a valid GB 11643 check
/// character.
enum PersonalData {
    /// A person's name: a surname (now and then a compound one) and one or two given-name characters.
    static func personName(_ random: inout SyntheticRandom) -> String {
        let surname =
            random.chance(0.02) ? random.pick(ChineseText.compoundSurnames) : random.pick(ChineseText.surnames)
        var name = surname + random.pick(ChineseText.givenNameCharacters)
        if random.chance(0.7) { name += random.pick(ChineseText.givenNameCharacters) }
        return name
    }

    /// Second and third digits of mainland mobile numbers in use (13x, 15x, 17x, 18x, 19x, 14x, 16x).
    private static let mobilePrefixes = [
        "13", "13", "13", "15", "15", "18", "18", "17", "19", "14", "16",
    ]

    /// An 11-digit mainland mobile number, `1[3-9]` followed by nine digits.
    static func mobileNumber(_ random: inout SyntheticRandom) -> String {
        var number = random.pick(mobilePrefixes)
        for _ in 0..<9 { number.append(random.digit()) }
        return number
    }

    /// An 18-character resident id of a Wuhan district: area code, birth date, sequence and check character.
    static func residentID(_ random: inout SyntheticRandom) -> String {
        let year = random.int(in: 1940...2005)
        let month = random.int(in: 1...12)
        let day = random.int(in: 1...CalendarText.daysIn(month: month, year: year))
        var body = random.pick(ChineseText.areaCodes) + CalendarText.compactDate(year: year, month: month, day: day)
        for _ in 0..<3 { body.append(random.digit()) }
        return body + String(checkCharacter(of: body))
    }

    /// The GB 11643-1999 check character (ISO 7064 MOD 11-2) of the first 17 digits of a resident id.
    static func checkCharacter(of body: String) -> Character {
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        var sum = 0
        for (digit, weight) in zip(body.utf8, weights) { sum += Int(digit - UInt8(ascii: "0")) * weight }
        return Array("10X98765432")[sum % 11]
    }

    /// What a remark plants, for the summary's counts.
    enum Plant {
        case none, mobileNumber, residentID
    }

    /// A free-text remark, or nil. `plant` forces a planted mobile number or resident id; otherwise a few
    /// remarks plant one by chance.
    static func remark(_ random: inout SyntheticRandom, plant: Plant?) -> (text: String?, planted: Plant) {
        var kind = plant ?? .none
        if plant == nil {
            let draw = random.unit()
            if draw < 0.04 {
                kind = .mobileNumber
            } else if draw < 0.06 {
                kind = .residentID
            } else if draw < 0.40 {
                return (nil, .none)
            }
        }
        switch kind {
        case .mobileNumber:
            let number = mobileNumber(&random)
            let text = random.pick(["业主联系电话\(number)", "如有问题请致电 \(number)", "租户电话:\(number)，白天联系"])
            return (text, .mobileNumber)
        case .residentID:
            let id = residentID(&random)
            return (random.pick(["产权人身份证号\(id)", "登记人证件：\(id)（已核验）"]), .residentID)
        case .none:
            switch random.int(in: 0...3) {
            case 0: return ("临街商铺，一层为\(random.pick(ChineseText.shops))", .none)
            case 1: return ("\(random.int(in: 1995...2024))年外立面改造", .none)
            case 2: return ("物业公司：\(random.pick(ChineseText.places))物业", .none)
            default: return (random.pick(ChineseText.plainRemarks), .none)
            }
        }
    }
}

/// Dates as text, without Foundation's calendars (which depend on the machine's locale and time zone).
enum CalendarText {
    /// Days in `month` (1…12) of `year`, Gregorian.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `YYYY-MM-DD`.
    static func isoDate(year: Int, month: Int, day: Int) -> String {
        "\(year)-\(padded(month, 2))-\(padded(day, 2))"
    }

    /// `YYYYMMDD`.
    static func compactDate(year: Int, month: Int, day: Int) -> String {
        "\(year)\(padded(month, 2))\(padded(day, 2))"
    }

    /// `value` in decimal, left-padded with zeros to `width`.
    static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}

internal import CityBundleModel

/// Cutting Chinese addresses to the district.
extension Generaliser {
    /// How many characters a district's name may have between the city and its `区`/`县`/`市`.
    static let maximumDistrictNameLength = 8
    /// Characters that end the search for a district: they belong to streets, buildings and rooms.
    static let stopCharacters: Set<Character> = ["号", "栋", "幢", "室", "巷", "弄", "街", "村", "组", "单", "层"]
    /// Characters that, before `区`, make a residential or functional area rather than a district (小区, 社区, …).
    static let nonDistrictBeforeQu: Set<Character> = ["小", "社", "街", "校", "厂", "片", "院", "营", "园"]
    /// Characters that, before `市`, make a shop or market rather than a county-level city (超市, 城市, …).
    static let nonCityBeforeShi: Set<Character> = ["超", "城", "门", "夜", "集", "菜", "股", "花", "鱼", "早"]

    /// `address` up to and including its district, or up to its city when no district follows; nil when there is
    /// no city (`市`).
    ///
    /// The district is the first `区`, `县` or county-level `市` at most eight characters after the city's `市`,
    /// with no digit or street, building or room character (号, 栋, 室, 街, 村, …) before it, and not part of 小区,
    /// 社区, 超市, 城市 and the like.
    static func district(of address: String) -> String? {
        let characters = Array(address.trimmingSpaces)
        guard let city = characters.firstIndex(of: "市") else { return nil }
        var i = city + 1
        while i < characters.count && i - city - 1 <= maximumDistrictNameLength {
            let character = characters[i]
            if stopCharacters.contains(character) || character.isNumber { break }
            let nameLength = i - city - 1
            let previous = characters[i - 1]
            switch character {
            case "区" where nameLength >= 1:
                return nonDistrictBeforeQu.contains(previous) ? String(characters[...city]) : String(characters[...i])
            case "县" where nameLength >= 1:
                return String(characters[...i])
            case "市" where nameLength >= 2:
                return nonCityBeforeShi.contains(previous) ? String(characters[...city]) : String(characters[...i])
            default:
                i += 1
            }
        }
        return String(characters[...city])
    }
}

import CityBundleModel

/// Named points of interest scattered over the city: one per thousand buildings, at least ten.
struct ScenicSites {
    /// The city's seed.
    let seed: UInt64
    /// The box the sites lie in (EPSG:4547).
    let box: BoundingBox

    /// How many sites a city of `buildings` buildings has.
    static func count(buildings: Int) -> Int {
        Swift.max(10, buildings / 1000)
    }

    /// The `index`-th site (0-based).
    func site(index: Int) -> Feature {
        var random = SyntheticRandom(seed: seed, stream: 3, index: UInt64(index))
        let position = Position(
            random.double(in: box.minX...box.maxX), random.double(in: box.minY...box.maxY))
        let name = random.pick(ChineseText.places) + random.pick(ChineseText.siteTypes)
        let grade = random.pick(["AAAAA", "AAAA", "AAAA", "AAA", "AAA", "AA"])
        let properties: Properties = [
            "sid": .string("WS" + CalendarText.padded(index + 1, 6)),
            "name": .string(name),
            "grade": random.chance(0.3) ? .null : .string(grade),
            "opened": .int(Int64(random.int(in: 1950...2024))),
        ]
        return Feature(
            geometry: .point(position), properties: properties,
            location: SourceLocation(file: SyntheticCity.scenicSitesFile, feature: Int64(index)))
    }
}

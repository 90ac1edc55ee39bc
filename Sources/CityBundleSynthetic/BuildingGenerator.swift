import CityBundleModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Makes one building feature from its index and plot; every building has its own random stream, so the
/// result depends only on the seed, the index and the plot.
struct BuildingGenerator {
    /// The city's seed.
    let seed: UInt64

    /// One generated building and what the summary counts about it.
    struct Building {
        var feature: Feature
        var shape: FootprintShape
        var planted: PersonalData.Plant
        var hasHeight: Bool
    }

    /// The building on `plot`, the `index`-th of the city (0-based).
    func building(index: Int, plot: CityLayout.Plot) -> Building {
        var random = SyntheticRandom(seed: seed, stream: 2, index: UInt64(index))
        let footprint = Footprint.random(&random)
        let room = CityLayout.plotSize / 2 - CityLayout.plotMargin - footprint.radius
        let centre = Position(
            plot.centre.x + random.double(in: -room...room), plot.centre.y + random.double(in: -room...room))
        let angle =
            random.chance(0.6)
            ? Double(random.int(in: 0...3)) * .pi / 2 + 0.035 * random.normal()
            : random.double(in: 0...(2 * .pi))

        // Taller towards the centre: median about 40 m in the core, 12 m in the suburbs.
        let distanceKm = Double(plot.ring) * CityLayout.blockPitch / 1000
        let mu = log(12.0) + 1.2 * exp(-distanceKm / 8)
        let metres = Swift.min(Swift.max(exp(mu + 0.7 * random.normal()), 3), 300)
        let height = (metres * 10).rounded() / 10
        let levels = Swift.max(1, Int((height / 3.1).rounded()))
        let hasHeight = !random.chance(0.05)

        // Every 25th building plants a mobile number and every 50th a resident id in its remark, so even a
        // tiny city has some; others plant one by chance.
        let forced: PersonalData.Plant? =
            index % 25 == 3 ? .mobileNumber : index % 50 == 7 ? .residentID : nil
        let remark = PersonalData.remark(&random, plant: forced)

        let properties: Properties = [
            "bid": .string("WH" + CalendarText.padded(index + 1, 8)),
            "name": random.chance(0.03) ? .null : .string(Self.name(&random)),
            "height": hasHeight ? .double(height) : .null,
            "levels": .int(Int64(levels)),
            "owner": .string(PersonalData.personName(&random)),
            "phone": .string(PersonalData.mobileNumber(&random)),
            "remark": remark.text.map(Value.string) ?? .null,
            "built": .string(Self.builtDate(&random)),
        ]
        let feature = Feature(
            geometry: footprint.placed(at: centre, angle: angle), properties: properties,
            location: SourceLocation(file: SyntheticCity.buildingsFile, feature: Int64(index)))
        return Building(feature: feature, shape: footprint.shape, planted: remark.planted, hasHeight: hasHeight)
    }

    /// A building name such as 光谷国际大厦3栋.
    private static func name(_ random: inout SyntheticRandom) -> String {
        var name = random.pick(ChineseText.places)
        if random.chance(0.5) { name += random.pick(ChineseText.qualifiers) }
        name += random.pick(ChineseText.buildingTypes)
        switch random.int(in: 0...3) {
        case 0: name += "\(random.int(in: 1...30))栋"
        case 1: name += "\(random.pick(["A", "B", "C", "D"]))座"
        case 2: name += "\(random.int(in: 1...12))号楼"
        default: break
        }
        return name
    }

    /// A construction date between 1950 and 2024.
    private static func builtDate(_ random: inout SyntheticRandom) -> String {
        let year = random.int(in: 1950...2024)
        let month = random.int(in: 1...12)
        return CalendarText.isoDate(
            year: year, month: month, day: random.int(in: 1...CalendarText.daysIn(month: month, year: year)))
    }
}

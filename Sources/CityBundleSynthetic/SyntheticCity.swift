import CityBundleModel

/// A deterministic synthetic Wuhan for benchmarks and privacy tests.
///
/// `write(to:)` writes three GeoJSON files in EPSG:4547 (CGCS2000 / 3-degree Gauss-Krüger CM 114E, metres)
/// with the legacy `crs` member, as a bureau would deliver them (not RFC 7946):
///
/// - `buildings.geojson`: `buildings` footprints in city blocks around the centre of Wuhan, without
///   overlaps: rectangles (~50%), L-shapes (~20%), courtyards with a hole (~10%) and irregular star-shaped
///   outlines of 20–60 vertices (~20%), 8–80 m across. Properties: `bid`, `name`, `height` (3–300 m, ~5%
///   null), `levels`, `owner` and `phone` (made-up personal data), `remark` (free text that sometimes
///   embeds a mobile number or an 18-digit resident id with a valid check character) and `built`.
/// - `scenic_sites.geojson`: `max(10, buildings / 1000)` named points.
/// - `districts.geojson`: nine district polygons tiling the city's extent.
///
/// The same `buildings` and `seed` give byte-identical files on every run and machine: the generator uses its
/// own SplitMix64 streams, never the system's random numbers. Memory does not grow with `buildings`: features
/// are generated one at a time and written in chunks of about 1 MiB.
public struct SyntheticCity: Sendable, Hashable {
    /// The file name of the buildings layer.
    public static let buildingsFile = "buildings.geojson"
    /// The file name of the scenic-site points.
    public static let scenicSitesFile = "scenic_sites.geojson"
    /// The file name of the district polygons.
    public static let districtsFile = "districts.geojson"
    /// The CRS of every file, as the URN written in its `crs` member.
    public static let crsURN = "urn:ogc:def:crs:EPSG::4547"
    /// The most buildings the city holds while staying inside Wuhan's extent (about ±57 km of the centre).
    public static let maximumBuildings = 1_200_000

    /// The number of buildings.
    public let buildings: Int
    /// The seed of every random choice.
    public let seed: UInt64

    /// A city of `buildings` buildings (1…`maximumBuildings`) generated from `seed`.
    public init(buildings: Int, seed: UInt64) {
        self.buildings = buildings
        self.seed = seed
    }

    /// Writes the three files into `directory` (which must exist), replacing files of the same names.
    ///
    /// Each file is written to a temporary name and renamed when complete.
    /// - Throws: `SyntheticCityError` when `buildings` is out of range; `OutputError` when a file cannot be
    ///   written.
    public func write(to directory: String) throws -> SyntheticCitySummary {
        guard (1...Self.maximumBuildings).contains(buildings) else {
            throw SyntheticCityError(
                "the number of buildings must be between 1 and \(Self.maximumBuildings), not \(buildings)")
        }
        let folder = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var summary = try writeBuildings(to: "\(folder)/\(Self.buildingsFile)")

        // Sites and districts cover the built area and a 500 m margin around it.
        let area = BoundingBox(
            minX: summary.extent.minX - 500, minY: summary.extent.minY - 500, maxX: summary.extent.maxX + 500,
            maxY: summary.extent.maxY + 500)
        let sites = ScenicSites(seed: seed, box: area)
        var siteFile = LegacyGeoJSONFile(
            path: "\(folder)/\(Self.scenicSitesFile)", name: "scenic_sites", crs: Self.crsURN, decimals: 3)
        summary.scenicSites = ScenicSites.count(buildings: buildings)
        for index in 0..<summary.scenicSites { try siteFile.write(sites.site(index: index)) }
        summary.files.append(
            .init(
                path: "\(folder)/\(Self.scenicSitesFile)", features: summary.scenicSites, bytes: try siteFile.finish()))

        var districtFile = LegacyGeoJSONFile(
            path: "\(folder)/\(Self.districtsFile)", name: "districts", crs: Self.crsURN, decimals: 3)
        let districts = Districts(seed: seed, box: area).features()
        for district in districts { try districtFile.write(district) }
        summary.districts = districts.count
        summary.files.append(
            .init(path: "\(folder)/\(Self.districtsFile)", features: districts.count, bytes: try districtFile.finish()))
        return summary
    }

    /// Writes the buildings and starts the summary with their counts and extent.
    private func writeBuildings(to path: String) throws -> SyntheticCitySummary {
        let generator = BuildingGenerator(seed: seed)
        var file = LegacyGeoJSONFile(path: path, name: "buildings", crs: Self.crsURN, decimals: 3)
        var shapes: [FootprintShape: Int] = [:]
        var (withoutHeight, mobiles, ids) = (0, 0, 0)
        var extent: BoundingBox?
        try CityLayout(seed: seed).forEachPlot(count: buildings) { index, plot in
            let building = generator.building(index: index, plot: plot)
            try file.write(building.feature)
            shapes[building.shape, default: 0] += 1
            if !building.hasHeight { withoutHeight += 1 }
            switch building.planted {
            case .mobileNumber: mobiles += 1
            case .residentID: ids += 1
            case .none: break
            }
            if let bounds = building.feature.geometry?.bounds {
                if extent == nil { extent = bounds } else { extent!.extend(bounds) }
            }
        }
        let bytes = try file.finish()
        let box = extent ?? BoundingBox(CityLayout.centre)
        return SyntheticCitySummary(
            buildings: buildings, seed: seed, shapes: shapes, buildingsWithoutHeight: withoutHeight,
            plantedMobileNumbers: mobiles, plantedResidentIDs: ids, scenicSites: 0, districts: 0,
            files: [.init(path: path, features: buildings, bytes: bytes)], extent: box,
            wgs84Extent: GaussKruger.geographic(box))
    }
}

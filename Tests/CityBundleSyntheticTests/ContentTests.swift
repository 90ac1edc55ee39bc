import CityBundleModel
import CityBundleSynthetic
import CityBundleTesting
import Foundation
import Testing

@Suite("Synthetic city: what a small city holds")
struct ContentTests {
    @Test("200 buildings: counts, shapes and properties")
    func counts() throws {
        let (directory, summary) = try Synthetic.city(buildings: 200, seed: 42)
        let buildings = try Synthetic.features(directory.file(SyntheticCity.buildingsFile))
        #expect(buildings.count == 200)
        #expect(summary.buildings == 200)
        #expect(summary.shapes.values.reduce(0, +) == 200)
        #expect(summary.scenicSites == 10)
        #expect(try Synthetic.features(directory.file(SyntheticCity.scenicSitesFile)).count == 10)
        #expect(summary.districts == 9)
        #expect(try Synthetic.features(directory.file(SyntheticCity.districtsFile)).count == 9)
        #expect(summary.files.count == 3)

        var withHole = 0
        var manyVertices = 0
        var nullHeights = 0
        var bids = Set<String>()
        for feature in buildings {
            let geometry = try #require(feature["geometry"] as? [String: Any])
            #expect(geometry["type"] as? String == "Polygon")
            let rings = try #require(geometry["coordinates"] as? [[[Double]]])
            if rings.count == 2 { withHole += 1 }
            if (21...61).contains(rings[0].count) { manyVertices += 1 }
            let properties = try #require(feature["properties"] as? [String: Any])
            for key in ["bid", "name", "height", "levels", "owner", "phone", "remark", "built"] {
                #expect(properties.keys.contains(key), "missing \(key)")
            }
            bids.insert(try #require(properties["bid"] as? String))
            if properties["height"] is NSNull { nullHeights += 1 }
            if let height = properties["height"] as? Double { #expect((3...300).contains(height)) }
            #expect(PersonalDataPatterns.mobileNumbers(in: properties["phone"] as? String ?? "").count == 1)
            let built = try #require(properties["built"] as? String)
            #expect(built.count == 10 && built.hasPrefix("19") || built.hasPrefix("20"))
        }
        #expect(bids.count == 200, "bids are not unique")
        #expect(withHole == summary.shapes[.courtyard])
        #expect(withHole > 0 && manyVertices > 0)
        #expect(nullHeights == summary.buildingsWithoutHeight)
    }

    @Test("the files declare EPSG:4547 and lie in Wuhan")
    func crsAndExtent() throws {
        let (directory, summary) = try Synthetic.city(buildings: 200, seed: 42)
        let collection = try Synthetic.collection(directory.file(SyntheticCity.buildingsFile))
        let crs = try #require(collection["crs"] as? [String: Any])
        #expect((crs["properties"] as? [String: Any])?["name"] as? String == "urn:ogc:def:crs:EPSG::4547")

        let wuhan = (west: 113.7, south: 29.97, east: 115.1, north: 31.36)
        #expect(summary.wgs84Extent.minX > wuhan.west && summary.wgs84Extent.maxX < wuhan.east)
        #expect(summary.wgs84Extent.minY > wuhan.south && summary.wgs84Extent.maxY < wuhan.north)
        #expect(abs(summary.extent.minX - 528_000) < 60_000 && abs(summary.extent.minY - 3_385_000) < 60_000)
    }

    @Test("planted mobile numbers and resident ids are there for privacy tests")
    func plantedPersonalData() throws {
        let (directory, summary) = try Synthetic.city(buildings: 200, seed: 42)
        var mobiles = 0
        var ids = 0
        for feature in try Synthetic.features(directory.file(SyntheticCity.buildingsFile)) {
            let remark = (feature["properties"] as? [String: Any])?["remark"] as? String ?? ""
            mobiles += PersonalDataPatterns.mobileNumbers(in: remark).count
            ids += PersonalDataPatterns.residentIDs(in: remark).count
        }
        #expect(mobiles >= 8, "every 25th building plants a mobile number")
        #expect(ids >= 4, "every 50th building plants a resident id")
        #expect(mobiles == summary.plantedMobileNumbers)
        #expect(ids == summary.plantedResidentIDs)
    }

    @Test("the check character of resident ids is computed as GB 11643 says")
    func checkCharacterOracle() {
        // A textbook example: 11010519491231002X.
        #expect(PersonalDataPatterns.hasValidCheck("11010519491231002X"))
        #expect(!PersonalDataPatterns.hasValidCheck("110105194912310021"))
    }
}

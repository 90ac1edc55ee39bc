import CityBundleModel
import CityBundleSynthetic
import CityBundleTesting
import Foundation
import Testing

@Suite("Synthetic city: determinism")
struct DeterminismTests {
    private let files = [SyntheticCity.buildingsFile, SyntheticCity.scenicSitesFile, SyntheticCity.districtsFile]

    @Test("the same N and seed give byte-identical files")
    func sameSeedSameBytes() throws {
        let (first, firstSummary) = try Synthetic.city(buildings: 300, seed: 42)
        let (second, secondSummary) = try Synthetic.city(buildings: 300, seed: 42)
        for name in files {
            let a = try Data(contentsOf: URL(fileURLWithPath: first.file(name)))
            let b = try Data(contentsOf: URL(fileURLWithPath: second.file(name)))
            #expect(!a.isEmpty)
            #expect(a == b, "\(name) differs between two runs with the same seed")
        }
        #expect(firstSummary.extent == secondSummary.extent)
        #expect(firstSummary.shapes == secondSummary.shapes)
    }

    @Test("another seed gives other files")
    func otherSeedOtherBytes() throws {
        let (first, _) = try Synthetic.city(buildings: 300, seed: 42)
        let (second, _) = try Synthetic.city(buildings: 300, seed: 43)
        for name in files {
            let a = try Data(contentsOf: URL(fileURLWithPath: first.file(name)))
            let b = try Data(contentsOf: URL(fileURLWithPath: second.file(name)))
            #expect(a != b, "\(name) is the same for seeds 42 and 43")
        }
    }

    @Test("a larger city starts with the buildings of a smaller one")
    func prefixStable() throws {
        let (small, _) = try Synthetic.city(buildings: 50, seed: 7)
        let (large, _) = try Synthetic.city(buildings: 120, seed: 7)
        let a = try Synthetic.features(small.file(SyntheticCity.buildingsFile))
        let b = try Synthetic.features(large.file(SyntheticCity.buildingsFile))
        #expect(a.count == 50 && b.count == 120)
        let firstBids = a.compactMap { ($0["properties"] as? [String: Any])?["bid"] as? String }
        let prefixBids = b.prefix(50).compactMap { ($0["properties"] as? [String: Any])?["bid"] as? String }
        #expect(firstBids == prefixBids)
        #expect(
            (a.first?["geometry"] as? NSDictionary) == (b.first?["geometry"] as? NSDictionary),
            "the first building moved when the city grew")
    }

    @Test("out-of-range sizes are refused")
    func refusesBadSizes() throws {
        let directory = TemporaryDirectoryForErrors()
        #expect(throws: SyntheticCityError.self) {
            _ = try SyntheticCity(buildings: 0, seed: 1).write(to: directory.path)
        }
        #expect(throws: SyntheticCityError.self) {
            _ = try SyntheticCity(buildings: SyntheticCity.maximumBuildings + 1, seed: 1).write(to: directory.path)
        }
    }
}

/// A directory that is never written (the size check comes first).
private struct TemporaryDirectoryForErrors {
    let path = FileManager.default.temporaryDirectory.path
}

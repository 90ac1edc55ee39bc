import CityBundleModel
import CityBundlePublish
import Foundation
import Testing

struct PublishGateTests {
    @Test func aLayerLosingTwentyPercentIsRefusedUnlessForced() throws {
        let fixture = try WuhanFixture()
        try fixture.publisher().publish(fixture.request())
        try fixture.editStaged("buildings/hanyang_buildings.geojson", appending: "\n")
        fixture.clock.advance(86_400)

        let error = try #require(throws: PublishError.self) {
            try fixture.publisher().publish(fixture.request(buildingCount: 34))
        }
        guard case .featureLoss(_, let version, let losses, let maxShare) = error else {
            Issue.record("expected featureLoss, got \(error)")
            return
        }
        #expect(version == "2026.11.26" && maxShare == 0.10)
        #expect(losses == [FeatureLoss(layer: "hanyang_buildings", previous: 43, current: 34)])
        #expect(error.exitStatus == .dataErrors)
        #expect(error.description.contains("hanyang_buildings: 43 → 34 features (-20.9 %)"))
        #expect(!FileManager.default.fileExists(atPath: "\(fixture.root)/wuhan/2026.11.26"))

        let forced = try fixture.publisher().publish(
            fixture.request(gate: PublishGate(force: true), buildingCount: 34))
        #expect(forced.outcome == .published && forced.version == "2026.11.26")
        #expect(forced.forcedFeatureLosses.map(\.layer) == ["hanyang_buildings"])
        #expect(forced.summary.contains("hanyang_buildings -9 features"))
        #expect(fixture.verify().isValid)
    }

    @Test func smallLossesAndExplicitCountsFollowTheGate() throws {
        let fixture = try WuhanFixture()
        try fixture.publisher().publish(fixture.request())
        try fixture.editStaged("buildings/hanyang_buildings.geojson", appending: "\n")
        fixture.clock.advance(86_400)
        let small = try fixture.publisher().publish(fixture.request(buildingCount: 40))
        #expect(small.outcome == .published, "7 % is within the default 10 %")

        try fixture.editStaged("buildings/hanyang_buildings.geojson", appending: "\n")
        fixture.clock.advance(86_400)
        let strict = PublishGate(maxFeatureLossShare: 0.5, previousFeatureCounts: ["scenic_sites": 100])
        #expect(throws: PublishError.self, "36 of 100 is a 64 % loss") {
            try fixture.publisher().publish(fixture.request(gate: strict, buildingCount: 40))
        }
    }
}

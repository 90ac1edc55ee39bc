import CityBundle3D
import CityBundleModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Sample features around 黄鹤楼 (Yellow Crane Tower) for GLB and tileset tests.
enum SampleTiles {
    /// 黄鹤楼: longitude, latitude in degrees.
    static let yellowCrane = (lon: 114.3022, lat: 30.5446)

    /// A position `east`, `north` metres from 黄鹤楼 (spherical approximation; exact placement is not needed
    /// for inputs, only for checks that project them through the code under test).
    static func offset(_ east: Double, _ north: Double) -> Position {
        let radius = 6_371_000.0
        let lat = yellowCrane.lat + north / radius * 180 / Double.pi
        let lon = yellowCrane.lon + east / (radius * cos(yellowCrane.lat * Double.pi / 180)) * 180 / Double.pi
        return Position(lon, lat)
    }

    static func rectangle(_ e0: Double, _ n0: Double, _ e1: Double, _ n1: Double) -> [Position] {
        [offset(e0, n0), offset(e1, n0), offset(e1, n1), offset(e0, n1), offset(e0, n0)]
    }

    static func building(_ id: String, _ name: String?, height: Double, _ rings: [[Position]]) -> TileFeature {
        TileFeature(
            record: FeatureRecord(
                id: id, name: name, height: height, kind: "building", source: "test_buildings", heightEstimated: false),
            geometry: .polygon(rings), kind: .building)
    }

    /// Buildings (one with a courtyard, two sharing a wall, one estimated), a scenic marker and area.
    static var features: [TileFeature] {
        var estimated = building("b-5", nil, height: 10, [rectangle(-60, -60, -45, -50)])
        estimated.record.heightEstimated = true
        return [
            building("Q462372-hall", "黄鹤楼", height: 51.4, [rectangle(-10, -10, 10, 10)]),
            building(
                "b-2", "庭院 courtyard", height: 12, [rectangle(30, 0, 60, 30), rectangle(40, 10, 50, 20).reversed()]),
            building("b-3", "row \"A\"", height: 9, [rectangle(-40, 20, -20, 35)]),
            building("b-4", "row B", height: 15, [rectangle(-20, 20, 0, 35)]),
            estimated,
            TileFeature(
                record: FeatureRecord(
                    id: "Q462372", name: "黄鹤楼", height: 8, kind: "scenic_site", source: "scenic_sites",
                    heightEstimated: true),
                geometry: .point(offset(0, -30)), kind: .scenicSite),
            TileFeature(
                record: FeatureRecord(
                    id: "park-1", name: "蛇山公园", height: 0.5, kind: "scenic_site", source: "scenic_sites",
                    heightEstimated: true),
                geometry: .polygon([rectangle(20, -80, 80, -40)]), kind: .scenicSite),
        ]
    }

    static var frame: TileFrame { TileFrame(lon: yellowCrane.lon, lat: yellowCrane.lat, height: 0) }
}

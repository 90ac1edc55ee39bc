import CityBundle3D
import CityBundleGeodesy
import CityBundleModel
import Foundation
import Testing

@Test("placement: a corner in lon/lat, through the 黄鹤楼 tile frame, GLB and client transform, lands within 0.1 m")
func cornerLandsInPlace() throws {
    let frame = TileFrame(lon: 114.3022, lat: 30.5446, height: 0)
    // A building about 300 m east-north-east of the tower.
    let corners = [(114.3051, 30.5452), (114.3056, 30.5452), (114.3056, 30.5456), (114.3051, 30.5456)]
    let ring = (corners + [corners[0]]).map { Position($0.0, $0.1) }
    let feature = TileFeature(
        record: FeatureRecord(id: "b", name: "测试", height: 20, kind: "building", source: "t", heightEstimated: false),
        geometry: .polygon([ring]), kind: .building)
    let content = TileContent(meshing: [feature], in: frame)
    let reader = try GLBReader(try GLBWriter().encode(content, frame: frame))
    let extras = try #require((reader.json["asset"] as? [String: Any])?["extras"] as? [String: Any])
    let transform = try #require(extras["enuToEcef"] as? [Double])
    // Foundation's JSON parser may differ from the written value by an ulp.
    #expect(zip(transform, frame.tileTransform).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($1)) })
    let world = ClientMath.vertices(reader).map { ClientMath.ecef($0, transform: transform) }
    for (lon, lat) in corners {
        for height in [0.0, 20.0] {
            let truth = ClientMath.vector(Geodesic.ecef(lon: lon, lat: lat, height: height))
            let nearest = world.map { ClientMath.distance($0, truth) }.min() ?? .infinity
            #expect(nearest < 0.1, "corner (\(lon), \(lat), \(height) m) is \(nearest) m from its mesh vertex")
        }
    }
}

@Test("the tile transform is the ENU frame; Y-up→Z-up is left to the client (no double rotation)")
func transformNeedsNoAxisSwap() {
    let frame = TileFrame(lon: 114.3022, lat: 30.5446, height: 12)
    // glTF +Y (up) must map onto the ellipsoid normal, glTF −Z onto north.
    let origin = ClientMath.ecef(SIMD3(0, 0, 0), transform: frame.tileTransform)
    let above = ClientMath.ecef(SIMD3(0, 100, 0), transform: frame.tileTransform)
    let truthAbove = ClientMath.vector(Geodesic.ecef(lon: 114.3022, lat: 30.5446, height: 112))
    #expect(ClientMath.distance(origin, ClientMath.vector(frame.frame.origin)) < 1e-6)
    #expect(ClientMath.distance(above, truthAbove) < 1e-6)
    let north = ClientMath.geodetic(ClientMath.ecef(SIMD3(0, 0, -100), transform: frame.tileTransform))
    #expect(north.lat * 180 / Double.pi > 30.5446 && abs(north.lon * 180 / Double.pi - 114.3022) < 1e-9)
}

import CityBundleGeodesy
import Testing

/// Largest absolute coordinate difference between two ECEF points, metres.
func metresApart(_ a: ECEF, _ b: ECEF) -> Double {
    max((a.x - b.x).magnitude, (a.y - b.y).magnitude, (a.z - b.z).magnitude)
}

@Test("ECEF of the equator/prime-meridian point and the north pole")
func ecefKnownPoints() {
    #expect(metresApart(Geodesic.ecef(lon: 0, lat: 0, height: 0), ECEF(x: 6_378_137, y: 0, z: 0)) < 1e-6)
    #expect(metresApart(Geodesic.ecef(lon: 90, lat: 0, height: 0), ECEF(x: 0, y: 6_378_137, z: 0)) < 1e-6)
    #expect(metresApart(Geodesic.ecef(lon: 0, lat: 90, height: 0), ECEF(x: 0, y: 0, z: 6_356_752.314_245)) < 1e-6)
    #expect(metresApart(Geodesic.ecef(lon: 0, lat: 0, height: 100), ECEF(x: 6_378_237, y: 0, z: 0)) < 1e-6)
}

@Test("ECEF matches PROJ (cs2cs EPSG:4979 → EPSG:4978) at Wuchang, 25.5 m")
func ecefMatchesPROJ() {
    let got = Geodesic.ecef(lon: 114.31, lat: 30.55, height: 25.5)
    let expected = ECEF(x: -2_263_191.076_766, y: 5_010_080.980_611, z: 3_223_042.346_976)
    #expect(metresApart(got, expected) < 1e-5, "got \(got)")
}

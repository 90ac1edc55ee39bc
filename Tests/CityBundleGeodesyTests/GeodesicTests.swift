import CityBundleGeodesy
import Testing

/// Degrees, minutes, seconds → decimal degrees, with the sign taken from `degrees`.
func dms(_ degrees: Double, _ minutes: Double, _ seconds: Double) -> Double {
    let magnitude = degrees.magnitude + minutes / 60 + seconds / 3600
    return degrees < 0 ? -magnitude : magnitude
}

@Test("WGS 84 constants")
func wgs84Constants() {
    #expect(WGS84.a == 6_378_137.0)
    #expect((1 / WGS84.f - 298.257_223_563).magnitude < 1e-9)
    #expect((WGS84.b - 6_356_752.314_245).magnitude < 1e-6)
    #expect((WGS84.e2 - 0.006_694_379_990_14).magnitude < 1e-14)
}

@Test("Vincenty: Flinders Peak → Buninyong is 54 972.271 m (Vincenty 1975 / Geoscience Australia example)")
func flindersPeakToBuninyong() {
    let flindersPeak = LonLat(dms(144, 25, 29.52440), dms(-37, 57, 3.72030))
    let buninyong = LonLat(dms(143, 55, 35.38390), dms(-37, 39, 10.15610))
    let s = Geodesic.distanceMetres(flindersPeak, buninyong)
    #expect((s - 54_972.271).magnitude < 0.001, "got \(s) m")
}

/// Short lines and their lengths from PROJ's `geod +ellps=WGS84 -I -F %.6f` (Karney's algorithm).
let karneyLines: [(LonLat, LonLat, Double)] = [
    (LonLat(114.31, 30.55), LonLat(114.3398765, 30.5512345), 2_869.890_842),
    (LonLat(113.7, 30.0), LonLat(113.75, 30.05), 7_347.327_799),
    (LonLat(114.31, 30.55), LonLat(114.31001, 30.55), 0.959_498),
]

@Test("Vincenty agrees with PROJ geod (Karney) to 1 mm for short lines")
func shortLinesMatchKarney() {
    for (a, b, expected) in karneyLines {
        let s = Geodesic.distanceMetres(a, b)
        #expect((s - expected).magnitude < 0.001, "\(a) → \(b): got \(s) m, expected \(expected) m")
        #expect((Geodesic.distanceMetres(b, a) - s).magnitude < 1e-9)
    }
}

@Test("Distance edge cases: coincident, antipodal fallback, non-finite")
func distanceEdgeCases() {
    let p = LonLat(114.31, 30.55)
    #expect(Geodesic.distanceMetres(p, p) == 0)
    // Exactly antipodal on the equator: Vincenty fails, the great-circle fallback still answers ~20 000 km.
    let s = Geodesic.distanceMetres(LonLat(0, 0), LonLat(180, 0))
    #expect(s.isFinite && s > 19_900_000 && s < 20_100_000, "got \(s) m")
    #expect(Geodesic.distanceMetres(LonLat(.nan, 0), p).isNaN)
    // Longitudes either side of the antimeridian are 2° apart, not 358°.
    let across = Geodesic.distanceMetres(LonLat(179, 0), LonLat(-179, 0))
    #expect((across - 2 * 111_319.490_793).magnitude < 0.01, "got \(across) m")
}

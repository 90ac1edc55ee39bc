import CityBundleGeodesy
import Testing

/// A 60 × 60 grid over Wuhan, lon 113.68…115.09, lat 29.96…31.37.
let wuhanGrid: [LonLat] = {
    let n = 60
    var points: [LonLat] = []
    points.reserveCapacity(n * n)
    for i in 0..<n {
        for j in 0..<n {
            let lon = 113.68 + (115.09 - 113.68) * Double(i) / Double(n - 1)
            let lat = 29.96 + (31.37 - 29.96) * Double(j) / Double(n - 1)
            points.append(LonLat(lon, lat))
        }
    }
    return points
}()

/// Largest `Geodesic.distanceMetres(p, roundTrip(p))` over the Wuhan grid.
func maxRoundTripMetres(_ roundTrip: (LonLat) -> LonLat) -> Double {
    wuhanGrid.map { Geodesic.distanceMetres($0, roundTrip($0)) }.max() ?? .nan
}

@Test("WGS 84 → GCJ-02 → WGS 84 over Wuhan: ≤ 0.5 m (spec) and ≤ 0.01 m (regression)")
func wgsGcjWgsRoundTrip() {
    let worst = maxRoundTripMetres { GCJ02.toWGS84(GCJ02.fromWGS84($0)) }
    #expect(worst <= 0.5)
    #expect(worst <= 0.01, "worst \(worst) m")
}

@Test("WGS 84 → BD-09 → WGS 84 over Wuhan: ≤ 0.5 m (spec) and ≤ 0.01 m (regression)")
func wgsBdWgsRoundTrip() {
    let worst = maxRoundTripMetres { BD09.toWGS84(BD09.fromWGS84($0)) }
    #expect(worst <= 0.5)
    #expect(worst <= 0.01, "worst \(worst) m")
}

@Test("GCJ-02 → WGS 84 → GCJ-02 over Wuhan: ≤ 0.5 m (spec) and ≤ 0.01 m (regression)")
func gcjWgsGcjRoundTrip() {
    let worst = maxRoundTripMetres { GCJ02.fromWGS84(GCJ02.toWGS84($0)) }
    #expect(worst <= 0.5)
    #expect(worst <= 0.01, "worst \(worst) m")
}

@Test("GCJ-02 → BD-09 → GCJ-02 over Wuhan: ≤ 0.01 m")
func gcjBdGcjRoundTrip() {
    let worst = maxRoundTripMetres { BD09.toGCJ02(BD09.fromGCJ02($0)) }
    #expect(worst <= 0.01, "worst \(worst) m")
}

@Test("Inverses over Wuhan satisfy forward(inverse(p)) == p to 1e-9°")
func inversesExactInDegrees() {
    for p in wuhanGrid {
        #expect(degreesApart(GCJ02.fromWGS84(GCJ02.toWGS84(p)), p) < 1e-9)
        #expect(degreesApart(BD09.fromGCJ02(BD09.toGCJ02(p)), p) < 1e-9)
        #expect(degreesApart(BD09.fromWGS84(BD09.toWGS84(p)), p) < 1e-9)
    }
}

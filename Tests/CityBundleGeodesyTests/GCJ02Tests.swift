import CityBundleGeodesy
import Testing

/// WGS 84 → GCJ-02 vectors. The eviltransform project (googollee/eviltransform, go/transform_test.go and
/// c/test.c) lists them as (wgsLat, wgsLng, gcjLat, gcjLng); they are reordered to (lon, lat) here.
/// coordtransform (wandergis/coordtransform, README "result" block) and gcoord (hujiulong/gcoord,
/// test/unit/crs/WGS84.spec.ts) publish theirs as (lon, lat).
let gcj02Forward: [ReferenceVector] = [
    ReferenceVector(
        source: "eviltransform Shanghai", input: LonLat(121.5272106, 31.1774276),
        expected: LonLat(121.531541859215, 31.17530398364597)),
    ReferenceVector(
        source: "eviltransform Shenzhen", input: LonLat(113.912316, 22.543847),
        expected: LonLat(113.9171764808363, 22.540796131694766)),
    ReferenceVector(
        source: "eviltransform Beijing", input: LonLat(116.377817, 39.911954),
        expected: LonLat(116.38404722455657, 39.91334545536069)),
    ReferenceVector(
        source: "coordtransform wgs84togcj02", input: LonLat(116.404, 39.915),
        expected: LonLat(116.41024449916938, 39.91640428150164)),
    ReferenceVector(
        source: "gcoord WGS84 to GCJ02", input: LonLat(123, 45),
        expected: LonLat(123.00607541, 45.00197815)),
]

@Test("WGS 84 → GCJ-02 matches published vectors to 1e-6°", arguments: gcj02Forward)
func gcj02ForwardMatchesReference(_ v: ReferenceVector) {
    let got = GCJ02.fromWGS84(v.input)
    #expect(degreesApart(got, v.expected) < 1e-6, "got \(got)")
}

@Test("GCJ-02 → WGS 84 recovers the published WGS 84 inputs")
func gcj02InverseRecoversReferenceInputs() {
    // Only the full-precision vectors: gcoord prints 8 decimals, which alone is ~1e-8° of rounding.
    for v in gcj02Forward where !v.source.hasPrefix("gcoord") {
        let back = GCJ02.toWGS84(v.expected)
        // These are printed to ~1e-14°, so the exact inverse lands back on the input far below 1e-9°.
        #expect(degreesApart(back, v.input) < 1e-9, "\(v.source): got \(back)")
        #expect(Geodesic.distanceMetres(back, v.input) < 0.001)
    }
}

@Test("GCJ-02 → WGS 84 agrees with gcoord's own iterative inverse (1e-6° stop) to 1e-6°")
func gcj02InverseMatchesGcoord() {
    // gcoord test/unit/crs/GCJ02.spec.ts: GCJ02 (123, 45) → WGS84 (122.99395597, 44.99804071).
    let got = GCJ02.toWGS84(LonLat(123, 45))
    #expect(degreesApart(got, LonLat(122.99395597, 44.99804071)) < 1e-6, "got \(got)")
}

@Test("GCJ-02 inverse is exact: fromWGS84(toWGS84(g)) == g to 1e-9°")
func gcj02InverseIsExact() {
    for v in gcj02Forward {
        let g = v.expected
        #expect(degreesApart(GCJ02.fromWGS84(GCJ02.toWGS84(g)), g) < 1e-9, "\(v.source)")
    }
}

@Test("GCJ-02 offset at Wuchang, Wuhan is hundreds of metres")
func gcj02OffsetInWuhan() {
    let wuchang = LonLat(114.31, 30.55)
    let offset = Geodesic.distanceMetres(wuchang, GCJ02.fromWGS84(wuchang))
    #expect(offset > 100 && offset < 1000, "offset \(offset) m")
}

@Test("GCJ-02 is the identity outside China")
func gcj02IdentityOutsideChina() {
    let paris = LonLat(2.3522, 48.8566)
    #expect(ChinaExtent.outOfChina(paris))
    #expect(GCJ02.fromWGS84(paris) == paris)
    #expect(GCJ02.toWGS84(paris) == paris)
    // gcoord test/unit/crs/WGS84.spec.ts and GCJ02.spec.ts: (183, 45) is returned unchanged.
    #expect(GCJ02.fromWGS84(LonLat(183, 45)) == LonLat(183, 45))
    #expect(GCJ02.toWGS84(LonLat(183, 45)) == LonLat(183, 45))
    #expect(!ChinaExtent.outOfChina(LonLat(114.31, 30.55)))
}

@Test("Non-finite input gives NaN from every GCJ-02 conversion without hanging")
func gcj02NonFiniteGivesNaN() {
    let inputs = [
        LonLat(.nan, 30.55), LonLat(114.31, .nan), LonLat(.nan, .nan), LonLat(.infinity, 30.55),
        LonLat(114.31, -.infinity),
    ]
    for p in inputs {
        for result in [GCJ02.fromWGS84(p), GCJ02.toWGS84(p)] {
            #expect(result.lon.isNaN && result.lat.isNaN, "\(p) → \(result)")
        }
    }
}

@Test("Inverses terminate with finite results along the edges of the China box")
func inversesTerminateAtChinaEdges() {
    // The forward transform jumps at the box edge, so some GCJ-02 points there have no exact preimage;
    // the bounded iteration must still return a finite best candidate.
    for i in 0...200 {
        let t = (Double(i) / 200 - 0.5) * 0.02
        let edges = [
            LonLat(ChinaExtent.minLon + t, 30), LonLat(ChinaExtent.maxLon + t, 40),
            LonLat(110, ChinaExtent.minLat + t), LonLat(120, ChinaExtent.maxLat + t),
        ]
        for g in edges {
            let w = GCJ02.toWGS84(g)
            let b = BD09.toWGS84(g)
            #expect(w.isFinite && b.isFinite, "\(g)")
            // Whatever is returned is within the size of the offset (< 0.01°) of the input.
            #expect(degreesApart(w, g) < 0.01 && degreesApart(b, g) < 0.03, "\(g)")
        }
    }
}

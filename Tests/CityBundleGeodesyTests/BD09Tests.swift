import CityBundleGeodesy
import Testing

/// GCJ-02 → BD-09 vectors from coordtransform (wandergis/coordtransform, README "result" block) and gcoord
/// (hujiulong/gcoord, test/unit/crs/GCJ02.spec.ts), both (lon, lat).
let bd09FromGCJ02: [ReferenceVector] = [
    ReferenceVector(
        source: "coordtransform gcj02tobd09", input: LonLat(116.404, 39.915),
        expected: LonLat(116.41036949371029, 39.92133699351021)),
    ReferenceVector(
        source: "gcoord GCJ02 to BD09", input: LonLat(123, 45),
        expected: LonLat(123.00636499, 45.00636899)),
]

/// WGS 84 → BD-09 vector from gcoord (hujiulong/gcoord, test/unit/crs/WGS84.spec.ts), (lon, lat).
let bd09FromWGS84: [ReferenceVector] = [
    ReferenceVector(
        source: "gcoord WGS84 to BD09", input: LonLat(123, 45),
        expected: LonLat(123.0124491, 45.0083293))
]

/// BD-09 → GCJ-02 / WGS 84 vectors those projects publish from their *approximate* inverses (closed form, or
/// a 1e-6° stop): coordtransform README bd09togcj02, gcoord test/unit/crs/BD09.spec.ts.
let bd09ApproximateInverses: [ReferenceVector] = [
    ReferenceVector(
        source: "coordtransform bd09togcj02", input: LonLat(116.404, 39.915),
        expected: LonLat(116.39762729119315, 39.90865673957631)),
    ReferenceVector(
        source: "gcoord BD09 to GCJ02", input: LonLat(123, 45),
        expected: LonLat(122.99363304, 44.99365430)),
]

@Test("GCJ-02 → BD-09 matches published vectors to 1e-6°", arguments: bd09FromGCJ02)
func bd09FromGCJ02MatchesReference(_ v: ReferenceVector) {
    let got = BD09.fromGCJ02(v.input)
    #expect(degreesApart(got, v.expected) < 1e-6, "got \(got)")
}

@Test("WGS 84 → BD-09 matches published vectors to 1e-6°", arguments: bd09FromWGS84)
func bd09FromWGS84MatchesReference(_ v: ReferenceVector) {
    let got = BD09.fromWGS84(v.input)
    #expect(degreesApart(got, v.expected) < 1e-6, "got \(got)")
}

@Test("BD-09 → GCJ-02 is within the closed-form's error of published values, and exact on round trip")
func bd09InverseAgainstPublishedApproximations() {
    for v in bd09ApproximateInverses {
        let got = BD09.toGCJ02(v.input)
        // The published values come from the closed-form inverse, good only to ~1e-6°.
        #expect(degreesApart(got, v.expected) < 2e-6, "\(v.source): got \(got)")
        // Ours is exact: re-applying the forward formula lands on the input.
        #expect(degreesApart(BD09.fromGCJ02(got), v.input) < 1e-9, "\(v.source)")
    }
}

@Test("BD-09 → WGS 84 agrees with gcoord's approximate value to 2e-6° and is exact on round trip")
func bd09ToWGS84() {
    // gcoord test/unit/crs/BD09.spec.ts: BD09 (123, 45) → WGS84 (122.98762210, 44.99171540).
    let bd = LonLat(123, 45)
    let got = BD09.toWGS84(bd)
    #expect(degreesApart(got, LonLat(122.98762210, 44.99171540)) < 2e-6, "got \(got)")
    #expect(degreesApart(BD09.fromWGS84(got), bd) < 1e-9)
}

@Test("Non-finite input gives NaN from every BD-09 conversion without hanging")
func bd09NonFiniteGivesNaN() {
    let inputs = [LonLat(.nan, 30.55), LonLat(114.31, .nan), LonLat(.infinity, 30.55)]
    for p in inputs {
        for result in [BD09.fromGCJ02(p), BD09.toGCJ02(p), BD09.fromWGS84(p), BD09.toWGS84(p)] {
            #expect(result.lon.isNaN && result.lat.isNaN, "\(p) → \(result)")
        }
    }
}

import CityBundleGeodesy
import Testing

let wuchangFrame = LocalFrame(originLon: 114.31, originLat: 30.55, originHeight: 25.5)

@Test("LocalFrame round trip toECEF(toENU(p)) == p within 1e-6 m")
func localFrameRoundTrip() {
    let points = [
        Geodesic.ecef(lon: 114.31, lat: 30.55, height: 25.5),
        Geodesic.ecef(lon: 114.32, lat: 30.56, height: 80),
        Geodesic.ecef(lon: 114.0, lat: 30.2, height: -10),
        ECEF(x: 1, y: 2, z: 3),
    ]
    for p in points {
        let enu = wuchangFrame.toENU(p)
        let back = wuchangFrame.toECEF(east: enu.east, north: enu.north, up: enu.up)
        #expect(metresApart(back, p) < 1e-6, "\(p) → \(enu) → \(back)")
    }
}

@Test("LocalFrame axes: origin is (0,0,0), a point above is up, a point north-east is east and north")
func localFrameAxes() {
    let atOrigin = wuchangFrame.toENU(wuchangFrame.origin)
    #expect(atOrigin.east.magnitude < 1e-9 && atOrigin.north.magnitude < 1e-9 && atOrigin.up.magnitude < 1e-9)
    let above = wuchangFrame.toENU(Geodesic.ecef(lon: 114.31, lat: 30.55, height: 125.5))
    #expect((above.up - 100).magnitude < 1e-6 && above.east.magnitude < 1e-6 && above.north.magnitude < 1e-6)
    let northEast = wuchangFrame.toENU(Geodesic.ecef(lon: 114.311, lat: 30.551, height: 25.5))
    #expect(northEast.east > 90 && northEast.north > 100 && northEast.up < 0)
}

@Test("ENU → ECEF matrix: translation column is the origin, rotation columns are orthonormal")
func localFrameMatrix() {
    let m = wuchangFrame.enuToECEFMatrix()
    #expect(m.count == 16)
    let origin = wuchangFrame.origin
    #expect(m[12] == origin.x && m[13] == origin.y && m[14] == origin.z && m[15] == 1)
    #expect(m[3] == 0 && m[7] == 0 && m[11] == 0)
    func column(_ c: Int) -> [Double] { Array(m[(4 * c)..<(4 * c + 3)]) }
    func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).map { $0 * $1 }.reduce(0, +) }
    for i in 0..<3 {
        for j in 0..<3 {
            let expected = i == j ? 1.0 : 0.0
            #expect((dot(column(i), column(j)) - expected).magnitude < 1e-12, "columns \(i), \(j)")
        }
    }
    // Right-handed: east × north = up.
    let e = column(0)
    let n = column(1)
    let u = column(2)
    let cross = [e[1] * n[2] - e[2] * n[1], e[2] * n[0] - e[0] * n[2], e[0] * n[1] - e[1] * n[0]]
    #expect(zip(cross, u).allSatisfy { ($0 - $1).magnitude < 1e-12 })
    // The matrix applied to an ENU offset agrees with toECEF.
    let (east, north, up) = (12.5, -7.25, 3.0)
    let viaMatrix = ECEF(
        x: m[0] * east + m[4] * north + m[8] * up + m[12],
        y: m[1] * east + m[5] * north + m[9] * up + m[13],
        z: m[2] * east + m[6] * north + m[10] * up + m[14])
    #expect(metresApart(viaMatrix, wuchangFrame.toECEF(east: east, north: north, up: up)) < 1e-6)
}

import CityBundleAnonymise
import CityBundleModel
import Foundation
import Testing

/// Precision reduction never moves a point further than half a grid cell's diagonal.
@Suite("Coordinate precision reduction")
struct CoordinateGridTests {
    /// Great-circle distance on a sphere of the mean Earth radius, independent of the grid's own measure.
    func haversine(_ a: Position, _ b: Position) -> Double {
        let r = 6_371_008.8
        let φ1 = a.y * .pi / 180
        let φ2 = b.y * .pi / 180
        let dφ = φ2 - φ1
        let dλ = (b.x - a.x) * .pi / 180
        let h = sin(dφ / 2) * sin(dφ / 2) + cos(φ1) * cos(φ2) * sin(dλ / 2) * sin(dλ / 2)
        return 2 * r * asin(min(1, h.squareRoot()))
    }

    @Test("100 000 random points across China, for several grid sizes", arguments: [0.5, 1.0, 10.0, 50.0, 100.0])
    func bounded(metres: Double) {
        var generator = SeededGenerator(seed: UInt64(metres * 1000))
        let grid = CoordinateGrid(metres: metres)
        var worst = 0.0
        for _ in 0..<100_000 {
            let p = Position(
                Double.random(in: 73...135, using: &generator), Double.random(in: 18...53, using: &generator))
            let (snapped, reported) = grid.snap(p)
            let moved = haversine(p, snapped)
            worst = max(worst, moved)
            #expect(moved <= grid.maximumDisplacement * 1.001 + 1e-6)
            #expect(abs(moved - reported) <= max(0.001 * metres, 1e-6))
        }
        // The bound is reached in practice, so the grid really is that coarse.
        #expect(worst > grid.maximumDisplacement * 0.9)
    }

    @Test("snapping is idempotent: a snapped point stays put")
    func idempotent() {
        let grid = CoordinateGrid(metres: 10)
        let (once, _) = grid.snap(Position(114.302_2, 30.544_6))
        let (twice, moved) = grid.snap(once)
        #expect(once == twice)
        #expect(moved < 1e-6)
    }
}

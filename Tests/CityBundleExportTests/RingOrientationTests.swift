import CityBundleExport
import CityBundleModel
import Testing

struct RingOrientationTests {
    @Test func clockwiseExteriorAndCounterClockwiseHoleAreRewound() {
        let exterior = TestSupport.ring([(0, 0), (0, 10), (10, 10), (10, 0)])  // clockwise
        let hole = TestSupport.ring([(2, 2), (4, 2), (4, 4), (2, 4)])  // counter-clockwise
        let text = TestSupport.coordinates(.polygon([exterior, hole]))
        #expect(
            text
                == "[[[0,0],[10,0],[10,10],[0,10],[0,0]],[[2,2],[2,4],[4,4],[4,2],[2,2]]]")
    }

    @Test func counterClockwiseExteriorAndClockwiseHoleAreUntouched() {
        let exterior = TestSupport.ring([(0, 0), (10, 0), (10, 10), (0, 10)])
        let hole = TestSupport.ring([(2, 2), (2, 4), (4, 4), (4, 2)])
        let text = TestSupport.coordinates(.polygon([exterior, hole]))
        #expect(text == "[[[0,0],[10,0],[10,10],[0,10],[0,0]],[[2,2],[2,4],[4,4],[4,2],[2,2]]]")
    }

    @Test func everyPolygonOfAMultiPolygonIsOrientedOnItsOwn() {
        let clockwise = TestSupport.ring([(0, 0), (0, 1), (1, 1), (1, 0)])
        let counterClockwise = TestSupport.ring([(5, 5), (6, 5), (6, 6), (5, 6)])
        let text = TestSupport.coordinates(.multiPolygon([[clockwise], [counterClockwise]]))
        #expect(text == "[[[[0,0],[1,0],[1,1],[0,1],[0,0]]],[[[5,5],[6,5],[6,6],[5,6],[5,5]]]]")
    }

    @Test func zeroAreaRingIsLeftAsItIs() {
        let flat = TestSupport.ring([(0, 0), (2, 0), (1, 0)])
        #expect(TestSupport.coordinates(.polygon([flat])) == "[[[0,0],[2,0],[1,0],[0,0]]]")
    }

    @Test func lineStringsAreNeverRewound() {
        let line = [Position(3, 0), Position(0, 0), Position(0, 3)]
        #expect(TestSupport.coordinates(.lineString(line)) == "[[3,0],[0,0],[0,3]]")
    }

    @Test func positionsThatRoundToThePreviousOneAreDropped() {
        let line = [Position(1, 1), Position(1.00000001, 1), Position(2, 2), Position(2, 2.00000004)]
        #expect(TestSupport.coordinates(.lineString(line)) == "[[1,1],[2,2]]")
        let ring = [
            Position(0, 0), Position(1, 0), Position(1.00000002, 0), Position(1, 1), Position(0, 1),
            Position(0.00000001, 0.00000001), Position(0, 0),
        ]
        #expect(TestSupport.coordinates(.polygon([ring])) == "[[[0,0],[1,0],[1,1],[0,1],[0,0]]]")
    }

    @Test func droppingStopsAtTheMinimumCount() {
        // Both positions round to the same one: the line would have a single position, so both are kept.
        let line = [Position(1, 1), Position(1.00000001, 1)]
        #expect(TestSupport.coordinates(.lineString(line)) == "[[1,1],[1,1]]")
        // A triangle with one rounding duplicate shrinks to exactly 4 positions: allowed.
        let triangle = [Position(0, 0), Position(1, 0), Position(1.00000001, 0), Position(0, 1), Position(0, 0)]
        #expect(TestSupport.coordinates(.polygon([triangle])) == "[[[0,0],[1,0],[0,1],[0,0]]]")
        // A ring that would shrink to 3 positions keeps all of its positions.
        let ring = [Position(0, 0), Position(1, 0), Position(1.00000001, 0), Position(0, 0)]
        #expect(TestSupport.coordinates(.polygon([ring])) == "[[[0,0],[1,0],[1,0],[0,0]]]")
    }

    @Test func windingIsJudgedOnTheRoundedCoordinates() {
        // At 0 decimals this thin clockwise triangle keeps its shape and must still come out counter-clockwise.
        let ring = TestSupport.ring([(0, 0), (0.2, 3), (3.1, 2.9), (2.8, 0.1)])
        #expect(TestSupport.coordinates(.polygon([ring]), decimals: 0) == "[[[0,0],[3,0],[3,3],[0,3],[0,0]]]")
    }

    @Test func multiPointsKeepDuplicates() {
        let points = [Position(1, 1), Position(1.00000001, 1)]
        #expect(TestSupport.coordinates(.multiPoint(points)) == "[[1,1],[1,1]]")
    }
}

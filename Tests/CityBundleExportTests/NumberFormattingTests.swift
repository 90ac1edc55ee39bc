import CityBundleExport
import CityBundleModel
import Foundation
import Testing

struct NumberFormattingTests {
    static let table: [(value: Double, decimals: Int, expected: String)] = [
        (114.30000000001, 7, "114.3"),
        (-0.00000001, 7, "0"),
        (30.123456749, 7, "30.1234567"),
        (1e-8, 7, "0"),
        (180, 7, "180"),
        (-179.99999996, 7, "-180"),
        (0, 7, "0"),
        (-0.0, 7, "0"),
        (-114.3, 7, "-114.3"),
        (-0.5, 7, "-0.5"),
        (-30.123456751, 7, "-30.1234568"),
        (0.0000001, 7, "0.0000001"),
        (-0.0000001, 7, "-0.0000001"),
        (-0.00000006, 7, "-0.0000001"),
        (90.00000004, 7, "90"),
        (5_000_000.25, 7, "5000000.25"),
        (1e-300, 7, "0"),
        (114.5, 0, "115"),
        (-114.5, 0, "-115"),
        (-0.4, 0, "0"),
        (114.3, 0, "114"),
        (114.3004, 3, "114.3"),
        (114.3006, 3, "114.301"),
        (-0.0004, 3, "0"),
        (-0.0006, 3, "-0.001"),
        (30.1, 3, "30.1"),
        (0.001, 3, "0.001"),
        (-12.0509, 3, "-12.051"),
        (1_234_567.891, 3, "1234567.891"),
        // Beyond Int64 after scaling: the slow path still prints plain digits.
        (1e13, 7, "10000000000000"),
        (-1e14, 7, "-100000000000000"),
        (1e19, 0, "10000000000000000000"),
    ]

    @Test(arguments: table)
    func ordinateIsRoundedAndTrimmed(value: Double, decimals: Int, expected: String) {
        #expect(TestSupport.ordinate(value, decimals: decimals) == expected, "\(value) at \(decimals) decimals")
    }

    /// Beyond `Int64` after scaling the product is inexact; the text must still be plain and close.
    @Test(arguments: [-1_000_000_000_000.5, 987_654_321_098.765, 5e15 + 0.5])
    func hugeOrdinatesStayPlainAndClose(value: Double) throws {
        let text = TestSupport.ordinate(value)
        #expect(!text.contains("e"), "\(text)")
        #expect((text.split(separator: ".").dropFirst().first?.count ?? 0) <= 7, "\(text)")
        let parsed = try #require(Double(text))
        #expect(abs(parsed - value) <= abs(value) * 1e-15, "\(value) -> \(text)")
    }

    @Test func heightIsWrittenWithTheSameRounding() {
        let text = TestSupport.coordinates(.point(Position(114.302, 30.544, 45.678901234)))
        #expect(text == "[114.302,30.544,45.6789012]")
        let low = TestSupport.coordinates(.point(Position(1, 2, -0.00000001)), decimals: 3)
        #expect(low == "[1,2,0]")
    }

    @Test func decimalsAreClampedToZeroThroughSeven() {
        #expect(GeoJSONFeatureEncoder(decimals: 12).decimals == 7)
        #expect(GeoJSONFeatureEncoder(decimals: -1).decimals == 0)
        #expect(TestSupport.ordinate(1.123456789, decimals: 12) == "1.1234568")
    }

    @Test func nonFiniteOrdinatesBecomeNull() {
        #expect(TestSupport.coordinates(.point(Position(.nan, .infinity))) == "[null,null]")
    }

    /// Many pseudo-random coordinates: no exponent, at most 7 decimals, within half a unit of the 7th place.
    @Test func randomCoordinatesStayWithinPrecision() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let unit = Double(state >> 11) / Double(1 << 53)
            let magnitude = [1e-9, 1e-4, 1.0, 180.0, 1e7][Int(state % 5)]
            let value = (unit * 2 - 1) * magnitude
            let text = TestSupport.ordinate(value)
            #expect(!text.contains("e") && !text.contains("E"), "\(value) -> \(text)")
            #expect(text != "-0")
            let fraction = text.split(separator: ".").dropFirst().first ?? ""
            #expect(fraction.count <= 7, "\(value) -> \(text)")
            #expect(!fraction.hasSuffix("0"), "\(value) -> \(text)")
            let parsed = try #require(Double(text))
            #expect(abs(parsed - value) <= 0.5e-7 + abs(value) * 1e-15, "\(value) -> \(text)")
        }
    }
}

import CityBundleGeodesy
import Testing

/// A published conversion: `input` maps to `expected`; `source` names the project the numbers come from.
struct ReferenceVector: Sendable, CustomTestStringConvertible {
    let source: String
    let input: LonLat
    let expected: LonLat

    var testDescription: String { "\(source) (\(input.lon), \(input.lat))" }
}

/// Largest absolute ordinate difference between two positions, degrees.
func degreesApart(_ a: LonLat, _ b: LonLat) -> Double {
    max((a.lon - b.lon).magnitude, (a.lat - b.lat).magnitude)
}

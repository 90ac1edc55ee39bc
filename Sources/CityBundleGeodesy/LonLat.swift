/// A geographic position in decimal degrees: longitude east, latitude north.
public struct LonLat: Sendable, Hashable {
    /// Longitude in degrees, positive east.
    public var lon: Double
    /// Latitude in degrees, positive north.
    public var lat: Double

    /// Makes a position from a longitude and a latitude, both in degrees.
    public init(_ lon: Double, _ lat: Double) {
        self.lon = lon
        self.lat = lat
    }

    /// True when both ordinates are finite (no NaN, no infinity).
    public var isFinite: Bool { lon.isFinite && lat.isFinite }
}

extension LonLat {
    /// The result every conversion returns for non-finite input.
    static let nan = LonLat(.nan, .nan)

    /// Stop refining once the forward residual is below this, in degrees (about 0.1 µm).
    static let inverseTolerance = 1e-12

    /// Hard cap on refinement steps, so a pathological input can never loop forever.
    static let inverseMaxIterations = 30

    /// Solves `forward(x) == target` by fixed-point iteration `x -= forward(x) - target`, starting at `start`.
    ///
    /// The offsets handled here (GCJ-02, BD-09) change by far less than their own size per degree, so the
    /// iteration contracts quickly; it stops at `inverseTolerance` or after `inverseMaxIterations` steps and
    /// returns the candidate with the smallest residual seen.
    static func invert(_ forward: (LonLat) -> LonLat, target: LonLat, start: LonLat) -> LonLat {
        var candidate = start
        var best = start
        var bestResidual = Double.infinity
        for _ in 0..<inverseMaxIterations {
            let image = forward(candidate)
            let dLon = image.lon - target.lon
            let dLat = image.lat - target.lat
            let residual = Swift.max(dLon.magnitude, dLat.magnitude)
            guard residual.isFinite else { break }
            if residual < bestResidual {
                best = candidate
                bestResidual = residual
            }
            if residual <= inverseTolerance { break }
            candidate = LonLat(candidate.lon - dLon, candidate.lat - dLat)
        }
        return best
    }
}

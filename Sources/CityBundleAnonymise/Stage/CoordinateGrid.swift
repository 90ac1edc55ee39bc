public import CityBundleModel
import Foundation

/// Snaps WGS 84 coordinates to a grid of a given size in metres (east-west spacing scaled by the
/// latitude), so no position moves more than half a cell's diagonal, and measures how far they moved.
public struct CoordinateGrid: Sendable {
    public let metres: Double
    static let metresPerDegree = Double.pi / 180 * 6_371_008.8

    public init(metres: Double) {
        self.metres = metres
    }

    /// The bound on any displacement: half the cell's diagonal.
    public var maximumDisplacement: Double { metres * 2.0.squareRoot() / 2 }

    /// The snapped position and the distance moved in metres.
    public func snap(_ p: Position) -> (Position, Double) {
        let stepY = metres / Self.metresPerDegree
        let latitude = (p.y / stepY).rounded() * stepY
        // The east-west step uses the snapped latitude, so every point of a row shares one grid.
        let cosine = max(cos(latitude * .pi / 180), 1e-6)
        let stepX = metres / (Self.metresPerDegree * cosine)
        let longitude = (p.x / stepX).rounded() * stepX
        let dx = (longitude - p.x) * Self.metresPerDegree * cos(p.y * .pi / 180)
        let dy = (latitude - p.y) * Self.metresPerDegree
        return (Position(longitude, latitude, p.z), (dx * dx + dy * dy).squareRoot())
    }
}

/// Displacement measured while reducing precision: never a coordinate, only statistics.
public struct DisplacementStatistics: Sendable, Codable, Equatable {
    public var positions = 0
    public var maximumMetres = 0.0
    public var totalMetres = 0.0
    public var meanMetres: Double { positions == 0 ? 0 : totalMetres / Double(positions) }

    public init() {}

    mutating func record(_ distance: Double) {
        positions += 1
        maximumMetres = max(maximumMetres, distance)
        totalMetres += distance
    }
}

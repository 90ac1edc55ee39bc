/// An axis-aligned 2D box; in WGS84 it is [west, south, east, north].
public struct BoundingBox: Sendable, Hashable, Codable, CustomStringConvertible {
    public var minX: Double
    public var minY: Double
    public var maxX: Double
    public var maxY: Double

    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    public init(_ p: Position) {
        self.init(minX: p.x, minY: p.y, maxX: p.x, maxY: p.y)
    }

    public mutating func extend(_ p: Position) {
        minX = Swift.min(minX, p.x)
        minY = Swift.min(minY, p.y)
        maxX = Swift.max(maxX, p.x)
        maxY = Swift.max(maxY, p.y)
    }

    public mutating func extend(_ other: BoundingBox) {
        minX = Swift.min(minX, other.minX)
        minY = Swift.min(minY, other.minY)
        maxX = Swift.max(maxX, other.maxX)
        maxY = Swift.max(maxY, other.maxY)
    }

    public func contains(_ p: Position) -> Bool {
        p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY
    }

    public func intersects(_ other: BoundingBox) -> Bool {
        minX <= other.maxX && other.minX <= maxX && minY <= other.maxY && other.minY <= maxY
    }

    public var asArray: [Double] { [minX, minY, maxX, maxY] }

    public var description: String { "[\(minX), \(minY), \(maxX), \(maxY)]" }
}

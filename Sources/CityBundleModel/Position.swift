/// One coordinate: x = longitude or easting, y = latitude or northing, z optional height in metres.
public struct Position: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public var z: Double?

    public init(_ x: Double, _ y: Double, _ z: Double? = nil) {
        self.x = x
        self.y = y
        self.z = z
    }

    /// True when every present ordinate is finite (no NaN, no infinity).
    public var isFinite: Bool {
        x.isFinite && y.isFinite && (z?.isFinite ?? true)
    }
}

import CityBundleModel

/// The running x/y extent of written positions, kept in scaled units (`value * 10^decimals`, rounded).
struct ScaledExtent: Sendable {
    private var minX = Double.infinity
    private var minY = Double.infinity
    private var maxX = -Double.infinity
    private var maxY = -Double.infinity

    /// Adds one scaled position; non-finite ordinates are ignored.
    @inline(__always)
    mutating func add(_ position: Position) {
        guard position.x.isFinite, position.y.isFinite else { return }
        minX = Swift.min(minX, position.x)
        minY = Swift.min(minY, position.y)
        maxX = Swift.max(maxX, position.x)
        maxY = Swift.max(maxY, position.y)
    }

    /// The extent in real units (divided by `scale`), or nil when nothing was added.
    func boundingBox(scale: Double) -> BoundingBox? {
        guard minX <= maxX else { return nil }
        return BoundingBox(minX: minX / scale, minY: minY / scale, maxX: maxX / scale, maxY: maxY / scale)
    }
}

public import CityBundleGeodesy

/// A 3D Tiles bounding `region`: longitudes and latitudes in radians (WGS 84, EPSG:4979) and ellipsoidal
/// heights in metres.
public struct GeographicRegion: Sendable, Hashable {
    /// West longitude, radians.
    public var west: Double
    /// South latitude, radians.
    public var south: Double
    /// East longitude, radians.
    public var east: Double
    /// North latitude, radians.
    public var north: Double
    /// Lowest ellipsoidal height, metres.
    public var minHeight: Double
    /// Highest ellipsoidal height, metres.
    public var maxHeight: Double

    /// Makes a region.
    public init(west: Double, south: Double, east: Double, north: Double, minHeight: Double, maxHeight: Double) {
        self.west = west
        self.south = south
        self.east = east
        self.north = north
        self.minHeight = minHeight
        self.maxHeight = maxHeight
    }

    /// The region enclosing ECEF `points`, widened by `angularMargin` radians and `heightMargin` metres;
    /// nil without points.
    public init?(enclosing points: [ECEF], angularMargin: Double = 1e-7, heightMargin: Double = 0.5) {
        guard let first = points.first.map(GeodeticPosition.init) else { return nil }
        var region = GeographicRegion(
            west: first.lon, south: first.lat, east: first.lon, north: first.lat, minHeight: first.height,
            maxHeight: first.height)
        for p in points.dropFirst().map(GeodeticPosition.init) {
            region.west = min(region.west, p.lon)
            region.east = max(region.east, p.lon)
            region.south = min(region.south, p.lat)
            region.north = max(region.north, p.lat)
            region.minHeight = min(region.minHeight, p.height)
            region.maxHeight = max(region.maxHeight, p.height)
        }
        region.west -= angularMargin
        region.south -= angularMargin
        region.east += angularMargin
        region.north += angularMargin
        region.minHeight -= heightMargin
        region.maxHeight += heightMargin
        self = region
    }

    /// The smallest region holding both.
    public func union(_ other: GeographicRegion) -> GeographicRegion {
        GeographicRegion(
            west: min(west, other.west), south: min(south, other.south), east: max(east, other.east),
            north: max(north, other.north), minHeight: min(minHeight, other.minHeight),
            maxHeight: max(maxHeight, other.maxHeight))
    }

    /// True when `other` lies inside this region.
    public func contains(_ other: GeographicRegion) -> Bool {
        west <= other.west && east >= other.east && south <= other.south && north >= other.north
            && minHeight <= other.minHeight && maxHeight >= other.maxHeight
    }

    /// The six numbers of `boundingVolume.region`: west, south, east, north, minimum and maximum height.
    public var values: [Double] { [west, south, east, north, minHeight, maxHeight] }

    /// Length of the region's diagonal, metres: corner to opposite corner at the lowest height.
    public var diagonalMetres: Double {
        let degrees = 180 / Double.pi
        let a = Geodesic.ecef(lon: west * degrees, lat: south * degrees, height: minHeight)
        let b = Geodesic.ecef(lon: east * degrees, lat: north * degrees, height: maxHeight)
        let d = SIMD3(b.x - a.x, b.y - a.y, b.z - a.z)
        return (d * d).sum().squareRoot()
    }
}

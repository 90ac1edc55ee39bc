/// One tile of a 3D Tiles 1.1 tileset as written to `tileset.json`.
public struct TilesetTile: Sendable, Hashable {
    /// The tile's bounding region, which encloses its content and all its children.
    public var region: GeographicRegion
    /// Error in metres of showing this tile without its children (0 for leaves).
    public var geometricError: Double
    /// The tile's ENU → ECEF transform, column-major, when it has content in a local frame.
    public var transform: [Double]?
    /// The content's URI relative to `tileset.json`, if any.
    public var contentURI: String?
    /// Child tiles.
    public var children: [TilesetTile]

    /// Makes a tile.
    public init(
        region: GeographicRegion, geometricError: Double, transform: [Double]? = nil, contentURI: String? = nil,
        children: [TilesetTile] = []
    ) {
        self.region = region
        self.geometricError = geometricError
        self.transform = transform
        self.contentURI = contentURI
        self.children = children
    }
}

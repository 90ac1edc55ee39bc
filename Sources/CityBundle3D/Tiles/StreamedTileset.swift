/// The outcome of a streamed ``TilesetBuilder`` build: `tileset.json` and the tree (nil when no feature
/// produced a mesh); the GLBs went to the caller one by one.
public struct StreamedTileset: Sendable, Hashable {
    /// The `tileset.json` bytes.
    public var tilesetJSON: [UInt8]?
    /// The tree written to `tileset.json`.
    public var root: TilesetTile?
    /// How many GLB files were emitted.
    public var tileCount: Int
    /// Features left out, with the reason.
    public var skipped: [SkippedFeature]

    /// Makes a result.
    public init(tilesetJSON: [UInt8]? = nil, root: TilesetTile? = nil, tileCount: Int = 0, skipped: [SkippedFeature]) {
        self.tilesetJSON = tilesetJSON
        self.root = root
        self.tileCount = tileCount
        self.skipped = skipped
    }
}

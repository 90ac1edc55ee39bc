/// The outcome of `TilesetBuilder.build`: the tileset, if any feature produced a mesh, and the features
/// that did not, with the reason.
public struct TilesetBuildResult: Sendable, Hashable {
    /// The tileset; nil when no feature produced a mesh.
    public var tileset: BuiltTileset?
    /// Features left out.
    public var skipped: [SkippedFeature]

    /// Makes a result.
    public init(tileset: BuiltTileset?, skipped: [SkippedFeature]) {
        self.tileset = tileset
        self.skipped = skipped
    }
}

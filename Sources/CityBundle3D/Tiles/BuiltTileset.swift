public import Foundation

/// A tileset built in memory: `tileset.json` and the GLB contents.
public struct BuiltTileset: Sendable, Hashable {
    /// The `tileset.json` bytes.
    public var tilesetJSON: [UInt8]
    /// One GLB per leaf tile with content.
    public var contents: [TileFile]
    /// The tree written to `tileset.json`.
    public var root: TilesetTile

    /// Makes a built tileset.
    public init(tilesetJSON: [UInt8], contents: [TileFile], root: TilesetTile) {
        self.tilesetJSON = tilesetJSON
        self.contents = contents
        self.root = root
    }

    /// Writes `tileset.json` and the contents under `directory`, creating folders; each file is written
    /// to a temporary name and renamed (`.atomic`), so readers never see half a file.
    public func write(to directory: URL) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        for file in contents {
            let url = directory.appendingPathComponent(file.uri)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.bytes).write(to: url, options: .atomic)
        }
        try Data(tilesetJSON).write(to: directory.appendingPathComponent("tileset.json"), options: .atomic)
    }
}

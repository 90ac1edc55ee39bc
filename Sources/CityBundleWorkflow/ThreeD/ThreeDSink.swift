import CityBundle3D
import CityBundleExport
public import CityBundleModel
public import CityBundlePipeline
import Foundation
import GDALKit

/// Collects a source's features and, when the run completes, writes them as a 3D Tiles 1.1
/// tileset (`<directory>/<source>_3dtiles/`) or as one GLB (`<directory>/<source>.glb`).
/// Heights are WGS 84 ellipsoidal: the ground is the EGM96 geoid (orthometric 0) at the data's
/// centre, through PROJ. Features wait in an on-disk scratch spool (``FeatureSpool``) until the run
/// completes; a tileset is then built one tile at a time, so memory is bounded by a tile, not by the source.
public struct ThreeDSink: FeatureSink {
    /// A tileset, or a single GLB.
    public enum Form: Sendable {
        case tileset
        case singleGLB
    }

    let form: Form
    let source: String
    let kind: DataKind
    let directory: String
    let options: ThreeDOutput
    private var spool: FeatureSpool?
    private var extent: BoundingBox?
    private var written: [String] = []

    public init(form: Form, source: String, kind: DataKind, directory: String, options: ThreeDOutput) {
        self.form = form
        self.source = source
        self.kind = kind
        self.directory = directory
        self.options = options
    }

    public mutating func write(_ batch: [Feature]) throws {
        let spool = try self.spool ?? FeatureSpool()
        self.spool = spool
        for feature in batch {
            if let tile = TileFeature(
                feature, kind: kind, source: source, fallbackID: "\(source)-\(spool.count)",
                metresPerFloor: options.storeyHeight, defaultHeight: options.defaultHeight,
                nonPositiveHeightIsMissing: true)
            {
                try spool.append(tile)
                if let bounds = spool.bounds(at: spool.count - 1) {
                    if extent == nil { extent = bounds } else { extent!.extend(bounds) }
                }
            }
        }
    }

    public mutating func finish() throws -> [WrittenFile] {
        defer { spool = nil }
        guard let spool, spool.count > 0, let extent else { return [] }
        let ground = try Self.groundHeight(at: extent)
        switch form {
        case .tileset:
            let folder = "\(directory)/\(source)_3dtiles"
            written = [folder]
            var files: [WrittenFile] = []
            let builder = TilesetBuilder(
                planner: QuadtreePlanner(maxFeaturesPerTile: options.maxFeaturesPerTile), groundHeight: ground)
            let built = try builder.build(spool) { tile in
                let path = "\(folder)/\(tile.uri)"
                try Self.write(tile.bytes, to: path)
                files.append(WrittenFile(path: path, features: 0, bytes: Int64(tile.bytes.count)))
            }
            guard let json = built.tilesetJSON else { return [] }
            try Self.write(json, to: "\(folder)/tileset.json")
            return [WrittenFile(path: "\(folder)/tileset.json", features: spool.count, bytes: Int64(json.count))]
                + files
        case .singleGLB:
            let features = try (0..<spool.count).map(spool.feature(at:))
            let frame = TileFrame(
                lon: (extent.minX + extent.maxX) / 2, lat: (extent.minY + extent.maxY) / 2, height: ground)
            let bytes = try GLBWriter().encode(TileContent(meshingInParallel: features, in: frame), frame: frame)
            let path = "\(directory)/\(source).glb"
            written = [path]
            try Self.write(bytes, to: path)
            return [WrittenFile(path: path, features: features.count, bytes: Int64(bytes.count))]
        }
    }

    public func abort() {
        for path in written { try? FileManager.default.removeItem(atPath: path) }
    }

    /// The ellipsoidal height of the geoid at the centre of `extent` (metres).
    static func groundHeight(at extent: BoundingBox) throws -> Double {
        try GeoidModel().ellipsoidalHeight(lon: (extent.minX + extent.maxX) / 2, lat: (extent.minY + extent.maxY) / 2)
            ?? 0
    }

    /// Writes `bytes` to `path` through a temporary file and a rename, creating its folder (publishing
    /// syncs the finished tree to disk).
    private static func write(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url, options: .atomic)
    }
}

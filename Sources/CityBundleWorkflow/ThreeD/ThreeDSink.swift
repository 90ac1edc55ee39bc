import CityBundle3D
import CityBundleExport
public import CityBundleModel
public import CityBundlePipeline
import Foundation
import GDALKit

/// Collects a source's features and, when the run completes, writes them as a 3D Tiles 1.1
/// tileset (`<directory>/<source>_3dtiles/`) or as one GLB (`<directory>/<source>.glb`).
/// Heights are WGS 84 ellipsoidal: the ground is the EGM96 geoid (orthometric 0) at the data's
/// centre, through PROJ. Features are kept in memory until the tiles are built.
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
    private var features: [TileFeature] = []
    private var written: [String] = []

    public init(form: Form, source: String, kind: DataKind, directory: String, options: ThreeDOutput) {
        self.form = form
        self.source = source
        self.kind = kind
        self.directory = directory
        self.options = options
    }

    public mutating func write(_ batch: [Feature]) throws {
        for feature in batch {
            if let tile = TileFeature(
                feature, kind: kind, source: source, fallbackID: "\(source)-\(features.count)",
                metresPerFloor: options.storeyHeight, defaultHeight: options.defaultHeight,
                nonPositiveHeightIsMissing: true)
            {
                features.append(tile)
            }
        }
    }

    public mutating func finish() throws -> [WrittenFile] {
        guard !features.isEmpty else { return [] }
        let ground = try Self.groundHeight(of: features)
        switch form {
        case .tileset:
            let builder = TilesetBuilder(
                planner: QuadtreePlanner(maxFeaturesPerTile: options.maxFeaturesPerTile), groundHeight: ground)
            guard let tileset = try builder.build(features).tileset else { return [] }
            let folder = "\(directory)/\(source)_3dtiles"
            try tileset.write(to: URL(fileURLWithPath: folder))
            written = [folder]
            let files = [
                WrittenFile(
                    path: "\(folder)/tileset.json", features: features.count, bytes: Int64(tileset.tilesetJSON.count))
            ]
            return files
                + tileset.contents.map {
                    WrittenFile(path: "\(folder)/\($0.uri)", features: 0, bytes: Int64($0.bytes.count))
                }
        case .singleGLB:
            let bounds = features.compactMap(\.geometry.bounds).reduce(into: BoundingBox?.none) { box, next in
                if box == nil { box = next } else { box!.extend(next) }
            }!
            let frame = TileFrame(
                lon: (bounds.minX + bounds.maxX) / 2, lat: (bounds.minY + bounds.maxY) / 2, height: ground)
            let bytes = try GLBWriter().encode(TileContent(meshing: features, in: frame), frame: frame)
            let path = "\(directory)/\(source).glb"
            let file = AtomicFileWriter(path: path)
            try file.write(bytes)
            try file.finish()
            written = [path]
            return [WrittenFile(path: path, features: features.count, bytes: Int64(bytes.count))]
        }
    }

    public func abort() {
        for path in written { try? FileManager.default.removeItem(atPath: path) }
    }

    /// The ellipsoidal height of the geoid at the centre of the features (metres).
    static func groundHeight(of features: [TileFeature]) throws -> Double {
        var box: BoundingBox?
        for feature in features {
            guard let bounds = feature.geometry.bounds else { continue }
            if box == nil { box = bounds } else { box!.extend(bounds) }
        }
        guard let box else { return 0 }
        return try GeoidModel().ellipsoidalHeight(lon: (box.minX + box.maxX) / 2, lat: (box.minY + box.maxY) / 2) ?? 0
    }
}

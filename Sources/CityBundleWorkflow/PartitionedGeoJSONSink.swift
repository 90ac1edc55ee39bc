import CityBundle3D
import CityBundleExport
public import CityBundleModel
public import CityBundlePipeline
import Foundation

/// Writes a large layer also as GeoJSON tile files on the 3D output's quadtree (the fixed global grid of
/// ``QuadtreePlanner``): `<directory>/<source>_tiles/<level-x-y>.geojson`, features without geometry in
/// `unplaced.geojson`, and `index.json` listing every tile's key, extent, feature count and file. A change
/// to one feature changes only its own tile file, so an update touches few files and `fetch` reuses the
/// rest. Features wait on disk (``RecordSpool``) until the run completes; memory is bounded by a tile.
/// Layers with fewer than `minFeatures` features get no tiles (their single file is enough).
public struct PartitionedGeoJSONSink: FeatureSink {
    let source: String
    let directory: String
    let decimals: Int
    let crs: PublishedCRS
    let minFeatures: Int
    let maxFeaturesPerTile: Int
    private var spool: RecordSpool?
    private var folder: String { "\(directory)/\(source)_tiles" }

    /// A sink for `source`'s tiles under `directory`, in the published coordinate system `crs`.
    public init(
        source: String, directory: String, decimals: Int, crs: PublishedCRS, minFeatures: Int, maxFeaturesPerTile: Int
    ) {
        self.source = source
        self.directory = directory
        self.decimals = decimals
        self.crs = crs
        self.minFeatures = minFeatures
        self.maxFeaturesPerTile = maxFeaturesPerTile
    }

    public mutating func write(_ batch: [Feature]) throws {
        let spool = try self.spool ?? RecordSpool()
        self.spool = spool
        for feature in batch { try spool.append(feature.spooledBytes, bounds: feature.geometry?.bounds) }
    }

    public mutating func finish() throws -> [WrittenFile] {
        defer { spool = nil }
        guard let spool, spool.count > 0, spool.count >= minFeatures else { return [] }
        var placed: [Int] = []
        var unplaced: [Int] = []
        var boxes: [BoundingBox] = []
        for index in 0..<spool.count {
            if let box = spool.bounds(at: index) {
                placed.append(index)
                boxes.append(box)
            } else {
                unplaced.append(index)
            }
        }
        var files: [WrittenFile] = []
        var entries: [TileIndexEntry] = []
        if let plan = QuadtreePlanner(maxFeaturesPerTile: maxFeaturesPerTile).plan(boxes) {
            for leaf in plan.leaves {
                let written = try writeTile(leaf.key, indices: leaf.featureIndices.map { placed[$0] }, from: spool)
                files.append(written)
                entries.append(
                    TileIndexEntry(
                        key: leaf.key, level: leaf.level, x: leaf.x, y: leaf.y, bounds: written.bounds,
                        features: written.features))
            }
        }
        if !unplaced.isEmpty {
            let written = try writeTile("unplaced", indices: unplaced, from: spool)
            files.append(written)
            entries.append(TileIndexEntry(key: "unplaced", bounds: nil, features: written.features))
        }
        let index = "\(folder)/index.json"
        let bytes = TileIndexEntry.document(source: source, entries: entries, crs: crs)
        try Data(bytes).write(to: URL(fileURLWithPath: index), options: .atomic)
        return files + [WrittenFile(path: index, features: 0, bytes: Int64(bytes.count))]
    }

    public func abort() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func writeTile(_ key: String, indices: [Int], from spool: RecordSpool) throws -> WrittenFile {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = "\(folder)/\(key).geojson"
        var writer = GeoJSONWriter(
            path: path, format: .featureCollection, decimals: decimals, name: "\(source) \(key)")
        do {
            for index in indices {
                let feature = try Feature(spooled: try spool.record(at: index))
                try writer.write(PublishedCRSSink.published(feature, in: crs))
            }
            let summary = try writer.finish()
            return WrittenFile(
                path: path, features: summary.featureCount, bytes: summary.byteCount, bounds: summary.bounds)
        } catch {
            writer.abort()
            throw error
        }
    }
}

/// One line of a partitioned layer's `index.json`.
struct TileIndexEntry {
    var key: String
    var level: Int?
    var x: Int?
    var y: Int?
    var bounds: BoundingBox?
    var features: Int

    init(key: String, level: Int? = nil, x: Int? = nil, y: Int? = nil, bounds: BoundingBox?, features: Int) {
        self.key = key
        self.level = level
        self.x = x
        self.y = y
        self.bounds = bounds
        self.features = features
    }

    /// The `index.json` bytes: the grid, and the tiles in plan order.
    static func document(source: String, entries: [TileIndexEntry], crs: PublishedCRS) -> [UInt8] {
        var tiles: [[String: Any]] = []
        for entry in entries {
            var tile: [String: Any] = ["key": entry.key, "href": "\(entry.key).geojson", "features": entry.features]
            if let level = entry.level, let x = entry.x, let y = entry.y {
                tile["level"] = level
                tile["x"] = x
                tile["y"] = y
            }
            if let b = entry.bounds { tile["bbox"] = [b.minX, b.minY, b.maxX, b.maxY] }
            tiles.append(tile)
        }
        let document: [String: Any] = [
            "source": source,
            "crs": crs.label,
            "grid":
                "quadtree on longitude/latitude: level 0 is the globe (-180..180, -90..90), each level halves the cells; key level-x-y counts x from the west and y from the south; a feature belongs to the tile holding the centre of its bounds (WGS 84)",
            "tiles": tiles,
        ]
        let data =
            (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted])) ?? Data()
        return Array(data)
    }
}

import CityBundleGeodesy
public import CityBundleModel
import Foundation

/// Builds a 3D Tiles 1.1 tileset from features: plans a quadtree (`QuadtreePlanner`), meshes each leaf
/// in its own frame — ENU at the centre of the leaf's features, at `groundHeight` — writes it as GLB
/// (`GLBWriter`), and describes the tree in `tileset.json` (`TilesetWriter`).
///
/// Each content tile's region encloses its actual vertices (converted back to WGS 84), widened by 1e-7 rad
/// and 0.5 m; inner tiles enclose their children. Geometric error is 0 for leaves and a tenth of the
/// region's diagonal for inner tiles (so it falls with every level); the tileset's is the root's diagonal.
public struct TilesetBuilder: Sendable {
    /// How features are grouped into tiles.
    public var planner: QuadtreePlanner
    /// How features become meshes.
    public var mesher: FeatureMesher
    /// How tiles are encoded.
    public var writer: GLBWriter
    /// Ellipsoidal height of the ground, metres, for every tile's origin.
    public var groundHeight: Double
    /// Folder of the GLB files, relative to `tileset.json`.
    public var contentDirectory: String

    /// Makes a builder.
    public init(
        planner: QuadtreePlanner = QuadtreePlanner(), mesher: FeatureMesher = FeatureMesher(),
        writer: GLBWriter = GLBWriter(), groundHeight: Double = 0, contentDirectory: String = "content"
    ) {
        self.planner = planner
        self.mesher = mesher
        self.writer = writer
        self.groundHeight = groundHeight
        self.contentDirectory = contentDirectory
    }

    /// Builds the tileset in memory; `tileset` is nil when no feature produced a mesh.
    public func build(_ features: [TileFeature]) throws -> TilesetBuildResult {
        var contents: [TileFile] = []
        let streamed = try build(
            count: features.count, bounds: { features[$0].geometry.bounds }, feature: { features[$0] },
            emit: { contents.append($0) })
        guard let json = streamed.tilesetJSON, let root = streamed.root else {
            return TilesetBuildResult(tileset: nil, skipped: streamed.skipped)
        }
        return TilesetBuildResult(
            tileset: BuiltTileset(tilesetJSON: json, contents: contents, root: root), skipped: streamed.skipped)
    }

    /// Builds the tileset one leaf at a time from features waiting in `spool`.
    public func build(_ spool: FeatureSpool, emit: (TileFile) throws -> Void) throws -> StreamedTileset {
        try spool.finishWriting()
        return try build(count: spool.count, bounds: spool.bounds(at:), feature: spool.feature(at:), emit: emit)
    }

    /// Builds the tileset from `count` features, reading each one (`feature`) only when its leaf is meshed
    /// and handing each tile's GLB to `emit` as soon as it is encoded, so memory is bounded by a tile, not
    /// by the features (a few tiles per core). `bounds` gives a feature's WGS 84 bounds without reading it;
    /// `feature` is called from several threads at once, so it must only read shared state.
    public func build(
        count: Int, bounds: (Int) -> BoundingBox?, feature: (Int) throws -> TileFeature,
        emit: (TileFile) throws -> Void
    ) throws -> StreamedTileset {
        var skipped: [SkippedFeature] = []
        var placed: [Int] = []
        var boxes: [BoundingBox] = []
        for index in 0..<count {
            if let box = bounds(index), box.minX.isFinite, box.minY.isFinite, box.maxX.isFinite, box.maxY.isFinite {
                placed.append(index)
                boxes.append(box)
            } else {
                skipped.append(SkippedFeature(id: try feature(index).record.id, reason: .emptyFootprint))
            }
        }
        guard let plan = planner.plan(boxes) else { return StreamedTileset(skipped: skipped) }
        boxes = []
        // Leaves are meshed and encoded a few at a time on every core, then emitted in plan order.
        var built: [String: TilesetTile] = [:]
        var tiles = 0
        let leaves = plan.leaves
        let batch = 4 * ProcessInfo.processInfo.activeProcessorCount
        for start in stride(from: 0, to: leaves.count, by: batch) {
            let slice = Array(leaves[start..<min(start + batch, leaves.count)])
            let results = try parallelMap(slice.count) { i in try leaf(slice[i], read: { try feature(placed[$0]) }) }
            for (node, leaf) in zip(slice, results) {
                skipped += leaf.skipped
                if let file = leaf.file, let tile = leaf.tile {
                    try emit(file)
                    tiles += 1
                    built[node.key] = tile
                }
            }
        }
        guard let root = assemble(plan, leaves: built) else { return StreamedTileset(skipped: skipped) }
        let json = TilesetWriter(generator: writer.generator).encode(
            root: root, geometricError: root.region.diagonalMetres)
        return StreamedTileset(tilesetJSON: json, root: root, tileCount: tiles, skipped: skipped)
    }

    /// A meshed leaf: its tile and GLB (nil when no feature meshed) and the features left out.
    private struct BuiltLeaf {
        var tile: TilesetTile?
        var file: TileFile?
        var skipped: [SkippedFeature]
    }

    /// The tree above the built leaves: inner tiles enclose their children's regions.
    private func assemble(_ node: PlannedTile, leaves: [String: TilesetTile]) -> TilesetTile? {
        if node.isLeaf { return leaves[node.key] }
        let children = node.children.compactMap { assemble($0, leaves: leaves) }
        guard var region = children.first?.region else { return nil }
        for child in children.dropFirst() { region = region.union(child.region) }
        let error = max(region.diagonalMetres / 10, children.map(\.geometricError).max() ?? 0)
        return TilesetTile(region: region, geometricError: error, children: children)
    }

    private func leaf(_ node: PlannedTile, read: (Int) throws -> TileFeature) throws -> BuiltLeaf {
        let box = node.contentBounds
        let frame = TileFrame(lon: (box.minX + box.maxX) / 2, lat: (box.minY + box.maxY) / 2, height: groundHeight)
        let content = TileContent(meshing: try node.featureIndices.map(read), in: frame, mesher: mesher)
        guard !content.features.isEmpty else { return BuiltLeaf(skipped: content.skipped) }
        let glb = try writer.encode(content, frame: frame)
        let extremes = Self.boxPoints(content.meshes, in: frame)
        guard let region = GeographicRegion(enclosing: extremes.points, angularMargin: 1e-7 + extremes.curvatureMargin)
        else { return BuiltLeaf(skipped: content.skipped) }
        let uri = "\(contentDirectory)/\(node.key).glb"
        return BuiltLeaf(
            tile: TilesetTile(region: region, geometricError: 0, transform: frame.tileTransform, contentURI: uri),
            file: TileFile(uri: uri, bytes: glb), skipped: content.skipped)
    }

    /// The points whose geodetic extremes are those of every vertex of `meshes`: the 8 corners of the vertices'
    /// bounding box in the tile frame (the extreme longitudes, latitudes and the highest height lie there, the
    /// frame's east-north-up axes being nearly linear in longitude and latitude across a tile), and the point of
    /// its bottom face nearest the frame's vertical axis (the lowest height, where the Earth's curvature lowers
    /// the box least). `curvatureMargin` (radians, (d / R)² for a box reaching d metres from the frame's axis)
    /// covers what the linear approximation leaves: about 1e-8 rad across a kilometre-wide tile.
    static func boxPoints(_ meshes: MaterialMeshes, in frame: TileFrame) -> (points: [ECEF], curvatureMargin: Double) {
        var low = SIMD3<Float>(repeating: .infinity)
        var high = SIMD3<Float>(repeating: -.infinity)
        for mesh in meshes.meshes {
            guard let bounds = mesh.bounds else { continue }
            low = pointwiseMin(low, bounds.min)
            high = pointwiseMax(high, bounds.max)
        }
        guard low.x <= high.x else { return ([], 0) }
        var points: [ECEF] = []
        for x in [low.x, high.x] {
            for y in [low.y, high.y] {
                for z in [low.z, high.z] { points.append(frame.ecef(gltf: SIMD3<Double>(SIMD3(x, y, z)))) }
            }
        }
        let nearest = SIMD3(min(max(0, low.x), high.x), low.y, min(max(0, low.z), high.z))
        points.append(frame.ecef(gltf: SIMD3<Double>(nearest)))
        let reach = Double(max(abs(low.x), abs(high.x), abs(low.z), abs(high.z)))
        let ratio = reach / 6_371_000
        return (points, ratio * ratio)
    }
}

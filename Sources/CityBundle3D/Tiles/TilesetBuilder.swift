import CityBundleGeodesy
public import CityBundleModel

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
        try build(count: spool.count, bounds: spool.bounds(at:), feature: spool.feature(at:), emit: emit)
    }

    /// Builds the tileset from `count` features, reading each one (`feature`) only when its leaf is meshed
    /// and handing each tile's GLB to `emit` as soon as it is encoded, so memory is bounded by a tile, not
    /// by the features. `bounds` gives a feature's WGS 84 bounds without reading it.
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
        var tiles = 0
        let root = try tile(
            plan, read: { try feature(placed[$0]) }, skipped: &skipped,
            emit: {
                tiles += 1
                try emit($0)
            })
        guard let root else { return StreamedTileset(skipped: skipped) }
        let json = TilesetWriter(generator: writer.generator).encode(
            root: root, geometricError: root.region.diagonalMetres)
        return StreamedTileset(tilesetJSON: json, root: root, tileCount: tiles, skipped: skipped)
    }

    private func tile(
        _ node: PlannedTile, read: (Int) throws -> TileFeature, skipped: inout [SkippedFeature],
        emit: (TileFile) throws -> Void
    ) throws -> TilesetTile? {
        if node.isLeaf { return try leaf(node, read: read, skipped: &skipped, emit: emit) }
        var children: [TilesetTile] = []
        for child in node.children {
            if let built = try tile(child, read: read, skipped: &skipped, emit: emit) {
                children.append(built)
            }
        }
        guard var region = children.first?.region else { return nil }
        for child in children.dropFirst() { region = region.union(child.region) }
        let error = max(region.diagonalMetres / 10, children.map(\.geometricError).max() ?? 0)
        return TilesetTile(region: region, geometricError: error, children: children)
    }

    private func leaf(
        _ node: PlannedTile, read: (Int) throws -> TileFeature, skipped: inout [SkippedFeature],
        emit: (TileFile) throws -> Void
    ) throws -> TilesetTile? {
        let box = node.contentBounds
        let frame = TileFrame(lon: (box.minX + box.maxX) / 2, lat: (box.minY + box.maxY) / 2, height: groundHeight)
        let content = TileContent(meshing: try node.featureIndices.map(read), in: frame, mesher: mesher)
        skipped += content.skipped
        guard !content.features.isEmpty else { return nil }
        let glb = try writer.encode(content, frame: frame)
        let extremes = Self.boxPoints(content.meshes, in: frame)
        guard let region = GeographicRegion(enclosing: extremes.points, angularMargin: 1e-7 + extremes.curvatureMargin)
        else { return nil }
        let uri = "\(contentDirectory)/\(node.key).glb"
        try emit(TileFile(uri: uri, bytes: glb))
        return TilesetTile(region: region, geometricError: 0, transform: frame.tileTransform, contentURI: uri)
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

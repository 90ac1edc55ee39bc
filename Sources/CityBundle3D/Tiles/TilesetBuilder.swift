import CityBundleGeodesy
import CityBundleModel

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

    /// Builds the tileset; `tileset` is nil when no feature produced a mesh.
    public func build(_ features: [TileFeature]) throws(GLBError) -> TilesetBuildResult {
        var skipped: [SkippedFeature] = []
        var placed: [TileFeature] = []
        var bounds: [BoundingBox] = []
        for feature in features {
            if let box = feature.geometry.bounds, box.minX.isFinite, box.minY.isFinite, box.maxX.isFinite,
                box.maxY.isFinite
            {
                placed.append(feature)
                bounds.append(box)
            } else {
                skipped.append(SkippedFeature(id: feature.record.id, reason: .emptyFootprint))
            }
        }
        guard let plan = planner.plan(bounds) else { return TilesetBuildResult(tileset: nil, skipped: skipped) }
        var contents: [TileFile] = []
        let root = try tile(plan, features: placed, contents: &contents, skipped: &skipped)
        guard let root else { return TilesetBuildResult(tileset: nil, skipped: skipped) }
        let json = TilesetWriter(generator: writer.generator).encode(
            root: root, geometricError: root.region.diagonalMetres)
        return TilesetBuildResult(
            tileset: BuiltTileset(tilesetJSON: json, contents: contents, root: root), skipped: skipped)
    }

    private func tile(
        _ node: PlannedTile, features: [TileFeature], contents: inout [TileFile], skipped: inout [SkippedFeature]
    ) throws(GLBError) -> TilesetTile? {
        if node.isLeaf { return try leaf(node, features: features, contents: &contents, skipped: &skipped) }
        var children: [TilesetTile] = []
        for child in node.children {
            if let built = try tile(child, features: features, contents: &contents, skipped: &skipped) {
                children.append(built)
            }
        }
        guard var region = children.first?.region else { return nil }
        for child in children.dropFirst() { region = region.union(child.region) }
        let error = max(region.diagonalMetres / 10, children.map(\.geometricError).max() ?? 0)
        return TilesetTile(region: region, geometricError: error, children: children)
    }

    private func leaf(
        _ node: PlannedTile, features: [TileFeature], contents: inout [TileFile], skipped: inout [SkippedFeature]
    ) throws(GLBError) -> TilesetTile? {
        let box = node.contentBounds
        let frame = TileFrame(lon: (box.minX + box.maxX) / 2, lat: (box.minY + box.maxY) / 2, height: groundHeight)
        let content = TileContent(meshing: node.featureIndices.map { features[$0] }, in: frame, mesher: mesher)
        skipped += content.skipped
        guard !content.features.isEmpty else { return nil }
        let glb = try writer.encode(content, frame: frame)
        var corners: [ECEF] = []
        for mesh in content.meshes.meshes {
            for v in 0..<mesh.vertexCount { corners.append(frame.ecef(gltf: SIMD3<Double>(mesh.position(v)))) }
        }
        guard let region = GeographicRegion(enclosing: corners) else { return nil }
        let uri = "\(contentDirectory)/\(node.key).glb"
        contents.append(TileFile(uri: uri, bytes: glb))
        return TilesetTile(region: region, geometricError: 0, transform: frame.tileTransform, contentURI: uri)
    }
}

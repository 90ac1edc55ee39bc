public import CityBundleModel

/// One node of a planned quadtree: its cell, and for leaves the features it holds.
public struct PlannedTile: Sendable, Hashable {
    /// Depth, 0 at the root.
    public var level: Int
    /// Column within the level, from the west.
    public var x: Int
    /// Row within the level, from the south.
    public var y: Int
    /// The quadtree cell, WGS 84 degrees (it holds the centres of the features below it).
    public var cell: BoundingBox
    /// Union of the bounds of every feature below this node (which may reach beyond `cell`).
    public var contentBounds: BoundingBox
    /// Indices (into the planner's input) of the features of a leaf, in input order; empty for inner nodes.
    public var featureIndices: [Int]
    /// Non-empty children, in the order south-west, south-east, north-west, north-east.
    public var children: [PlannedTile]

    /// Makes a node.
    public init(
        level: Int, x: Int, y: Int, cell: BoundingBox, contentBounds: BoundingBox, featureIndices: [Int],
        children: [PlannedTile]
    ) {
        self.level = level
        self.x = x
        self.y = y
        self.cell = cell
        self.contentBounds = contentBounds
        self.featureIndices = featureIndices
        self.children = children
    }

    /// True for a node without children.
    public var isLeaf: Bool { children.isEmpty }

    /// The leaves below (or at) this node, depth first.
    public var leaves: [PlannedTile] { isLeaf ? [self] : children.flatMap(\.leaves) }

    /// A name unique within the tree: `level-x-y`.
    public var key: String { "\(level)-\(x)-\(y)" }
}

public import CityBundleModel

/// Plans a quadtree over features from their WGS 84 bounding boxes, on one fixed global grid: level 0 is
/// the whole globe (−180…180°, −90…90°) and every level halves the cells, so a tile key `level-x-y` names
/// the same ground in every run. A node is split into four while it holds more than `maxFeaturesPerTile`
/// features and is above `maxDepth`; each feature belongs to the cell holding the centre of its bounds.
/// Nodes with a single non-empty child are skipped, so the plan's root is the smallest cell holding
/// everything. Only leaves hold features (3D Tiles additive refinement). A change to one feature changes
/// only its own leaf unless it moves a node across the split threshold. The plan depends only on the
/// input, in order.
public struct QuadtreePlanner: Sendable {
    /// The level-0 cell: the whole globe in longitude and latitude.
    public static let globe = BoundingBox(minX: -180, minY: -90, maxX: 180, maxY: 90)

    /// Split a node holding more features than this.
    public var maxFeaturesPerTile: Int
    /// Never split below this level (level 0 is the globe; level 20 cells are about 38 m × 19 m).
    public var maxDepth: Int

    /// Makes a planner.
    public init(maxFeaturesPerTile: Int = 500, maxDepth: Int = 20) {
        self.maxFeaturesPerTile = max(1, maxFeaturesPerTile)
        self.maxDepth = max(0, maxDepth)
    }

    /// The quadtree over features with `bounds` (degrees); nil when there are none.
    public func plan(_ bounds: [BoundingBox]) -> PlannedTile? {
        guard !bounds.isEmpty else { return nil }
        let centres = bounds.map { box in
            Position(
                min(max((box.minX + box.maxX) / 2, Self.globe.minX), Self.globe.maxX),
                min(max((box.minY + box.maxY) / 2, Self.globe.minY), Self.globe.maxY))
        }
        return node(
            level: 0, x: 0, y: 0, cell: Self.globe, members: Array(bounds.indices), bounds: bounds, centres: centres)
    }

    /// The leaf key (`level-x-y`) whose cell holds `position` at `level`.
    public static func key(of position: Position, level: Int) -> String {
        let cells = Double(1 << level)
        let x = min(Int((position.x - globe.minX) / (globe.maxX - globe.minX) * cells), (1 << level) - 1)
        let y = min(Int((position.y - globe.minY) / (globe.maxY - globe.minY) * cells), (1 << level) - 1)
        return "\(level)-\(max(0, x))-\(max(0, y))"
    }

    private func node(
        level: Int, x: Int, y: Int, cell: BoundingBox, members: [Int], bounds: [BoundingBox], centres: [Position]
    ) -> PlannedTile {
        var content = bounds[members[0]]
        for i in members { content.extend(bounds[i]) }
        // Cells below ~1 cm cannot separate features any further.
        let splittable = cell.maxX - cell.minX > 1e-7 || cell.maxY - cell.minY > 1e-7
        guard members.count > maxFeaturesPerTile, level < maxDepth, splittable else {
            return PlannedTile(
                level: level, x: x, y: y, cell: cell, contentBounds: content, featureIndices: members, children: [])
        }
        let midX = (cell.minX + cell.maxX) / 2
        let midY = (cell.minY + cell.maxY) / 2
        var quadrants: [[Int]] = [[], [], [], []]
        for i in members {
            let east = centres[i].x >= midX ? 1 : 0
            let north = centres[i].y >= midY ? 1 : 0
            quadrants[2 * north + east].append(i)
        }
        var children: [PlannedTile] = []
        for (q, quadrant) in quadrants.enumerated() where !quadrant.isEmpty {
            let east = q % 2
            let north = q / 2
            let child = BoundingBox(
                minX: east == 0 ? cell.minX : midX, minY: north == 0 ? cell.minY : midY,
                maxX: east == 0 ? midX : cell.maxX, maxY: north == 0 ? midY : cell.maxY)
            children.append(
                node(
                    level: level + 1, x: 2 * x + east, y: 2 * y + north, cell: child, members: quadrant, bounds: bounds,
                    centres: centres))
        }
        // A node whose features all fall into one quadrant adds nothing to the tree.
        if children.count == 1 { return children[0] }
        return PlannedTile(
            level: level, x: x, y: y, cell: cell, contentBounds: content, featureIndices: [], children: children)
    }
}

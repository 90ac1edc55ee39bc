public import CityBundleModel

/// Plans a quadtree over features from their WGS 84 bounding boxes: a node is split into four equal
/// cells while it holds more than `maxFeaturesPerTile` features and is above `maxDepth`; each feature
/// belongs to the cell holding the centre of its bounds. Only leaves hold features (3D Tiles additive
/// refinement). The plan depends only on the input, in order.
public struct QuadtreePlanner: Sendable {
    /// Split a node holding more features than this.
    public var maxFeaturesPerTile: Int
    /// Never split below this depth (the root is depth 0).
    public var maxDepth: Int

    /// Makes a planner.
    public init(maxFeaturesPerTile: Int = 500, maxDepth: Int = 10) {
        self.maxFeaturesPerTile = max(1, maxFeaturesPerTile)
        self.maxDepth = max(0, maxDepth)
    }

    /// The quadtree over features with `bounds` (degrees); nil when there are none.
    public func plan(_ bounds: [BoundingBox]) -> PlannedTile? {
        guard !bounds.isEmpty else { return nil }
        let centres = bounds.map { Position(($0.minX + $0.maxX) / 2, ($0.minY + $0.maxY) / 2) }
        var cell = BoundingBox(centres[0])
        for c in centres { cell.extend(c) }
        return node(level: 0, x: 0, y: 0, cell: cell, members: Array(bounds.indices), bounds: bounds, centres: centres)
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
        return PlannedTile(
            level: level, x: x, y: y, cell: cell, contentBounds: content, featureIndices: [], children: children)
    }
}

import CityBundle3D
import CityBundleModel
import Testing

private func grid(_ columns: Int, _ rows: Int) -> [BoundingBox] {
    var boxes: [BoundingBox] = []
    for i in 0..<columns {
        for j in 0..<rows {
            let lon = 114.3 + Double(i) * 0.0005
            let lat = 30.5 + Double(j) * 0.0004
            boxes.append(BoundingBox(minX: lon, minY: lat, maxX: lon + 0.0002, maxY: lat + 0.0001))
        }
    }
    return boxes
}

@Test("at most N features: one root leaf holding all, in input order")
func plansSingleTile() throws {
    let plan = try #require(QuadtreePlanner(maxFeaturesPerTile: 500).plan(grid(10, 10)))
    #expect(plan.isLeaf && plan.featureIndices == Array(0..<100) && plan.key == "0-0-0")
}

@Test("more than N features: split until every leaf holds at most N; each feature in exactly one leaf")
func plansQuadtree() throws {
    let boxes = grid(40, 30)
    let plan = try #require(QuadtreePlanner(maxFeaturesPerTile: 100).plan(boxes))
    #expect(!plan.isLeaf)
    let leaves = plan.leaves
    #expect(leaves.allSatisfy { $0.featureIndices.count <= 100 })
    #expect(leaves.flatMap(\.featureIndices).sorted() == Array(boxes.indices))
    #expect(Set(leaves.map(\.key)).count == leaves.count)
    for leaf in leaves {
        for i in leaf.featureIndices {
            let box = boxes[i]
            #expect(leaf.cell.contains(Position((box.minX + box.maxX) / 2, (box.minY + box.maxY) / 2)))
            #expect(leaf.contentBounds.contains(Position(box.minX, box.minY)))
            #expect(leaf.contentBounds.contains(Position(box.maxX, box.maxY)))
        }
    }
    #expect(QuadtreePlanner(maxFeaturesPerTile: 100).plan(boxes) == plan)
}

@Test("features at one spot or a depth limit stop the splitting")
func planStopsSplitting() throws {
    let same = Array(repeating: BoundingBox(minX: 114.3, minY: 30.5, maxX: 114.3001, maxY: 30.5001), count: 50)
    let plan = try #require(QuadtreePlanner(maxFeaturesPerTile: 10).plan(same))
    #expect(plan.isLeaf && plan.featureIndices.count == 50)
    let shallow = try #require(QuadtreePlanner(maxFeaturesPerTile: 1, maxDepth: 2).plan(grid(20, 20)))
    #expect(shallow.leaves.allSatisfy { $0.level <= 2 })
    #expect(QuadtreePlanner().plan([]) == nil)
}

@Test("tiles sit on one global grid: keys name the same cells whatever else is in the data")
func planUsesGlobalGrid() throws {
    let boxes = grid(40, 30)
    let plan = try #require(QuadtreePlanner(maxFeaturesPerTile: 100).plan(boxes))
    for leaf in plan.leaves {
        let centre = Position((leaf.cell.minX + leaf.cell.maxX) / 2, (leaf.cell.minY + leaf.cell.maxY) / 2)
        #expect(QuadtreePlanner.key(of: centre, level: leaf.level) == leaf.key)
        #expect(leaf.cell.maxX - leaf.cell.minX == 360 / Double(1 << leaf.level))
    }
    // The root is the smallest cell holding everything, not the globe.
    #expect(plan.level > 5 && plan.children.count > 1)
    // A far-away feature adds a branch but leaves the other leaves (their keys and members) as they were.
    var wider = boxes
    wider.append(BoundingBox(minX: 114.9, minY: 30.9, maxX: 114.9001, maxY: 30.9001))
    let widened = try #require(QuadtreePlanner(maxFeaturesPerTile: 100).plan(wider))
    let before = Dictionary(uniqueKeysWithValues: plan.leaves.map { ($0.key, $0.featureIndices) })
    let after = Dictionary(uniqueKeysWithValues: widened.leaves.map { ($0.key, $0.featureIndices) })
    for (key, members) in before { #expect(after[key] == members, "leaf \(key) changed") }
    #expect(after.count == before.count + 1)
}

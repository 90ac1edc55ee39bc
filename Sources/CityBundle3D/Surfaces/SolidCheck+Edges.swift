/// Closedness and orientation: how often each edge of the shell is used, and in which directions.
extension SolidCheck {
    /// Edges not used exactly twice, in opposite directions, after snapping vertices within `snapTolerance`; in
    /// the order the edges first appear.
    public func edgeProblems(_ surfaces: [LocalSurface]) -> [SolidProblem] {
        struct Use {
            var first: (from: Int, to: Int)
            var surfaces: [Int] = []
            var forward = 0
        }
        var snapper = VertexSnapper(tolerance: snapTolerance)
        var uses: [SIMD2<Int>: Use] = [:]
        var order: [SIMD2<Int>] = []
        for (index, surface) in surfaces.enumerated() {
            for ring in surface.rings {
                let ids = ring.map { snapper.id($0) }
                for i in ids.indices {
                    let a = ids[i]
                    let b = ids[(i + 1) % ids.count]
                    guard a != b else { continue }  // repeated points and closing repeats are no edges
                    let key = SIMD2(min(a, b), max(a, b))
                    if uses[key] == nil {
                        uses[key] = Use(first: (a, b))
                        order.append(key)
                    }
                    uses[key]!.surfaces.append(index)
                    if uses[key]!.first.from == a { uses[key]!.forward += 1 }
                }
            }
        }
        return order.compactMap { key in
            let use = uses[key]!
            let edge = SolidEdge(
                from: snapper.positions[use.first.from], to: snapper.positions[use.first.to], surfaces: use.surfaces)
            switch use.surfaces.count {
            case 1: return .openEdge(edge)
            case 2: return use.forward == 1 ? nil : .inconsistentOrientation(edge)
            default: return .nonManifoldEdge(edge)
            }
        }
    }
}

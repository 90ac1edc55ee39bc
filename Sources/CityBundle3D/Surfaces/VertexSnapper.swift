/// Merges vertices closer than a tolerance into one id, in input order (the first vertex of a cluster is its
/// representative), with a hash grid of `tolerance`-sized cells.
struct VertexSnapper {
    let tolerance: Double
    /// Representative positions, by id.
    private(set) var positions: [SIMD3<Double>] = []
    private var cells: [SIMD3<Int64>: [Int]] = [:]

    init(tolerance: Double) {
        self.tolerance = max(tolerance, 1e-9)
    }

    /// The id of the earliest representative within `tolerance` of `p`, or a new one. A non-finite or
    /// astronomically distant point always gets a new id (it matches nothing).
    mutating func id(_ p: SIMD3<Double>) -> Int {
        let scaled = p / tolerance
        guard (scaled * scaled).sum() < 1e30 else {
            positions.append(p)
            return positions.count - 1
        }
        let cell = SIMD3<Int64>(
            Int64(scaled.x.rounded(.down)), Int64(scaled.y.rounded(.down)), Int64(scaled.z.rounded(.down)))
        var best: Int?
        for dx in Int64(-1)...1 {
            for dy in Int64(-1)...1 {
                for dz in Int64(-1)...1 {
                    for id in cells[cell &+ SIMD3(dx, dy, dz)] ?? [] where id < (best ?? .max) {
                        let d = positions[id] - p
                        if (d * d).sum() <= tolerance * tolerance { best = id }
                    }
                }
            }
        }
        if let best { return best }
        positions.append(p)
        cells[cell, default: []].append(positions.count - 1)
        return positions.count - 1
    }
}

import CityBundleModel

/// Where buildings go: square city blocks laid out in a spiral around the centre of Wuhan, each block a
/// grid of plots with at most one building per plot.
///
/// Blocks are 380 m apart: 4 × 4 plots of 88 m and a 28 m street. About 8% of blocks are parks and about 8%
/// of plots stay empty. A footprint is at most 80 m across and is placed inside its plot with at least 4 m
/// to the plot's edge, so buildings never overlap. The city grows outwards with N: 1 200 000 buildings reach
/// about 57 km from the centre, inside Wuhan's extent.
struct CityLayout {
    /// The centre of the city in EPSG:4547 metres (about 114.21 E, 30.58 N).
    static let centre = Position(528_000, 3_385_000)
    /// Distance between block centres, metres.
    static let blockPitch = 380.0
    /// Side of a plot, metres.
    static let plotSize = 88.0
    /// Plots per block side.
    static let plotsPerSide = 4
    /// Smallest gap between a footprint and its plot's edge, metres.
    static let plotMargin = 4.0

    /// The city's seed.
    let seed: UInt64

    /// One plot that holds a building.
    struct Plot {
        /// The plot's centre in EPSG:4547.
        var centre: Position
        /// The block's ring around the city centre (0 is the centre block), for density by distance.
        var ring: Int
    }

    /// Calls `body` for the first `count` occupied plots, in a fixed order.
    func forEachPlot(count: Int, _ body: (Int, Plot) throws -> Void) rethrows {
        var produced = 0
        var ring = 0
        while produced < count {
            for (i, j) in Self.blocks(inRing: ring) where produced < count {
                var block = SyntheticRandom(seed: seed, stream: 1, index: Self.blockKey(i, j))
                if ring > 0 && block.chance(0.08) { continue }  // a park
                let blockCentre = Position(
                    Self.centre.x + Double(i) * Self.blockPitch, Self.centre.y + Double(j) * Self.blockPitch)
                let first = -Double(Self.plotsPerSide - 1) / 2 * Self.plotSize
                for row in 0..<Self.plotsPerSide {
                    for column in 0..<Self.plotsPerSide where produced < count {
                        if block.chance(0.08) { continue }  // an empty plot
                        let centre = Position(
                            blockCentre.x + first + Double(column) * Self.plotSize,
                            blockCentre.y + first + Double(row) * Self.plotSize)
                        try body(produced, Plot(centre: centre, ring: ring))
                        produced += 1
                    }
                }
            }
            ring += 1
        }
    }

    /// The blocks of one square ring around the centre block, counter-clockwise from the east side.
    static func blocks(inRing ring: Int) -> [(Int, Int)] {
        guard ring > 0 else { return [(0, 0)] }
        var cells: [(Int, Int)] = []
        cells.reserveCapacity(8 * ring)
        for j in (-ring + 1)...ring { cells.append((ring, j)) }
        for i in stride(from: ring - 1, through: -ring, by: -1) { cells.append((i, ring)) }
        for j in stride(from: ring - 1, through: -ring, by: -1) { cells.append((-ring, j)) }
        for i in (-ring + 1)...ring { cells.append((i, -ring)) }
        return cells
    }

    /// A key for a block's random stream.
    private static func blockKey(_ i: Int, _ j: Int) -> UInt64 {
        UInt64(bitPattern: Int64(i)) &* 0x1_0000_0001 ^ UInt64(bitPattern: Int64(j))
    }
}

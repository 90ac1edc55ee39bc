import CityBundleModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A 3 × 3 grid of district polygons that tiles a box exactly.
///
/// Inner borders wiggle (a sum of two sine waves that vanish at the grid's nodes, at most about 5% of a
/// cell); neighbouring districts share each border's vertices, so there are no gaps or overlaps, and the
/// outer border is the box itself.
struct Districts {
    /// Cells per side.
    static let gridSize = 3
    /// Vertices per border, ends included.
    static let samplesPerEdge = 17

    /// The city's seed.
    let seed: UInt64
    /// The box to tile (EPSG:4547).
    let box: BoundingBox

    /// The districts, north-west first, row by row.
    func features() -> [Feature] {
        var features: [Feature] = []
        for row in stride(from: Self.gridSize - 1, through: 0, by: -1) {
            for column in 0..<Self.gridSize {
                let index = (Self.gridSize - 1 - row) * Self.gridSize + column
                let district = ChineseText.districts[index]
                var ring = horizontal(line: row, cell: column)
                ring += vertical(line: column + 1, cell: row).dropFirst()
                ring += horizontal(line: row + 1, cell: column).reversed().dropFirst()
                ring += vertical(line: column, cell: row).reversed().dropFirst()
                features.append(
                    Feature(
                        geometry: .polygon([ring]),
                        properties: ["code": .string(district.code), "name": .string(district.name)],
                        location: SourceLocation(file: SyntheticCity.districtsFile, feature: Int64(index))))
            }
        }
        return features
    }

    /// The x of grid line `column` and y of grid line `row` without wiggle.
    private func node(_ column: Int, _ row: Int) -> Position {
        let size = Double(Self.gridSize)
        return Position(
            box.minX + (box.maxX - box.minX) * Double(column) / size,
            box.minY + (box.maxY - box.minY) * Double(row) / size)
    }

    /// The border along horizontal grid line `line` across cell column `cell`, west to east.
    private func horizontal(line: Int, cell: Int) -> [Position] {
        let (start, end) = (node(cell, line), node(cell + 1, line))
        let inner = line > 0 && line < Self.gridSize
        let amplitude = (box.maxY - box.minY) / Double(Self.gridSize) * 0.05
        let offsets = wiggle(key: UInt64(line * 16 + cell), inner: inner, amplitude: amplitude)
        return offsets.enumerated().map { index, offset in
            let t = Double(index) / Double(Self.samplesPerEdge - 1)
            return Position(start.x + (end.x - start.x) * t, start.y + offset)
        }
    }

    /// The border along vertical grid line `line` across cell row `cell`, south to north.
    private func vertical(line: Int, cell: Int) -> [Position] {
        let (start, end) = (node(line, cell), node(line, cell + 1))
        let inner = line > 0 && line < Self.gridSize
        let amplitude = (box.maxX - box.minX) / Double(Self.gridSize) * 0.05
        let offsets = wiggle(key: 0x100 + UInt64(line * 16 + cell), inner: inner, amplitude: amplitude)
        return offsets.enumerated().map { index, offset in
            let t = Double(index) / Double(Self.samplesPerEdge - 1)
            return Position(start.x + offset, start.y + (end.y - start.y) * t)
        }
    }

    /// Offsets along one border: zero at both ends, and everywhere on the outer border.
    private func wiggle(key: UInt64, inner: Bool, amplitude: Double) -> [Double] {
        guard inner else { return Array(repeating: 0, count: Self.samplesPerEdge) }
        var random = SyntheticRandom(seed: seed, stream: 4, index: key)
        let (a1, a2) = (random.double(in: -0.6...0.6), random.double(in: -0.4...0.4))
        let (k1, k2) = (Double(random.int(in: 1...2)), Double(random.int(in: 3...4)))
        return (0..<Self.samplesPerEdge).map { index in
            let t = Double(index) / Double(Self.samplesPerEdge - 1)
            return amplitude * (a1 * sin(k1 * .pi * t) + a2 * sin(k2 * .pi * t))
        }
    }
}

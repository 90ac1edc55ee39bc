/// Why a tile could not be written as GLB.
public enum GLBError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The tile has no feature records (EXT_structural_metadata needs a table with at least one row).
    case noFeatures
    /// The tile has no triangles.
    case noGeometry
    /// More features than float feature IDs can count exactly (2^24).
    case tooManyFeatures(Int)
    /// A vertex refers to a feature ID with no record.
    case featureIDOutOfRange(UInt32, count: Int)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .noFeatures: "the tile has no features"
        case .noGeometry: "the tile has no triangles"
        case .tooManyFeatures(let n): "\(n) features exceed the 16777216 a float feature ID can count"
        case .featureIDOutOfRange(let id, let count): "feature ID \(id) has no record (\(count) features)"
        }
    }
}

/// Why a footprint could not be turned into a solid; the caller flags the feature and moves on.
public enum ExtrusionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Top not above base (height 0 or negative, or min_height ≥ height); values in metres.
    case nonPositiveHeight(base: Double, top: Double)
    /// The geometry is not a Polygon or MultiPolygon.
    case notPolygonal(String)
    /// Nothing with area is left after dropping repeated, collinear and non-finite points.
    case emptyFootprint
    /// Polygon `part` could not be triangulated without gaps (self-crossing rings).
    case triangulationFailed(part: Int)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .nonPositiveHeight(let base, let top):
            "top \(top) m is not above base \(base) m (height 0 or negative)"
        case .notPolygonal(let type): "\(type) cannot be extruded (Polygon or MultiPolygon expected)"
        case .emptyFootprint: "the footprint has no area after removing repeated and collinear points"
        case .triangulationFailed(let part): "polygon \(part) could not be triangulated (rings cross themselves?)"
        }
    }
}

/// What the solid checks found for one building's surfaces: problems, the worst planarity deviation, the
/// enclosed volume when the shell is closed, and areas by surface kind.
public struct SolidReport: Sendable, Hashable {
    /// How far one surface's vertices lie from its best-fit plane.
    public struct Deviation: Sendable, Hashable {
        /// The surface's index.
        public var surface: Int
        /// The largest distance of one of its vertices from its plane, metres.
        public var distance: Double
    }

    /// Every problem found, in order: degenerate and non-planar surfaces, then edge problems, then orientation.
    public var problems: [SolidProblem]
    /// The least planar surface, whether or not it exceeds the tolerance; nil without any surface with area.
    public var worstPlanarity: Deviation?
    /// The enclosed volume (cubic metres, positive when outward-facing) when every edge is used exactly twice in
    /// opposite directions; nil otherwise.
    public var volume: Double?
    /// Total polygon area (square metres, holes subtracted) per surface kind.
    public var areaByKind: [SurfaceKind: Double]

    /// True when the surfaces form a closed, consistently oriented, outward-facing shell.
    public var isClosed: Bool { volume.map { $0 > 0 } ?? false }

    /// True when nothing was found.
    public var isValid: Bool { problems.isEmpty }
}

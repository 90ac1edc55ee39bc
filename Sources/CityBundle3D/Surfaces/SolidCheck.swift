/// Checks whether a building's surfaces (in a local metric frame) form a valid solid, reporting — never fixing —
/// what is wrong: polygons without area, non-planar polygons, edges not shared by exactly two polygons in opposite
/// directions, and an inward-facing shell. Also measures the enclosed volume and the area per surface kind.
///
/// Planarity: the largest distance of a polygon's vertices from its best-fit plane (Newell's normal through the
/// vertices' mean). Closedness: vertices within `snapTolerance` are merged, then every undirected edge of every
/// ring must be used exactly twice, once in each direction (rings with holes included; a vertex lying on another
/// polygon's edge — a T-junction — counts as a gap). Volume: the divergence theorem over the rings, exact for a
/// closed polyhedral shell.
public struct SolidCheck: Sendable {
    /// Largest allowed distance (metres) of a vertex from its polygon's best-fit plane.
    public var planarityTolerance: Double
    /// Vertices closer than this (metres) are one vertex when edges are matched.
    public var snapTolerance: Double

    /// Makes a checker; the defaults are val3dity's usual 1 cm planarity and 1 mm snapping.
    public init(planarityTolerance: Double = 0.01, snapTolerance: Double = 0.001) {
        self.planarityTolerance = planarityTolerance
        self.snapTolerance = snapTolerance
    }

    /// Every check on `surfaces`.
    public func check(_ surfaces: [LocalSurface]) -> SolidReport {
        let deviations = Self.planarity(surfaces)
        var problems: [SolidProblem] = []
        for (index, deviation) in deviations.enumerated() {
            guard let deviation else {
                problems.append(.degenerate(surface: index))
                continue
            }
            if deviation > planarityTolerance { problems.append(.nonPlanar(surface: index, deviation: deviation)) }
        }
        let worst = deviations.enumerated().compactMap { index, deviation in
            deviation.map { SolidReport.Deviation(surface: index, distance: $0) }
        }.max { $0.distance < $1.distance }
        let edges = edgeProblems(surfaces)
        problems += edges
        var volume: Double?
        if edges.isEmpty {
            let enclosed = Self.volume(surfaces)
            if enclosed <= 0 { problems.append(.inwardFacing(volume: enclosed)) }
            volume = enclosed
        }
        return SolidReport(
            problems: problems, worstPlanarity: worst, volume: volume, areaByKind: Self.areaByKind(surfaces))
    }

    /// For each surface, the largest distance (metres) of its vertices from its best-fit plane; nil for a surface
    /// without area.
    public static func planarity(_ surfaces: [LocalSurface]) -> [Double?] {
        surfaces.map { surface in
            guard let plane = PolygonPlane(surface.rings) else { return nil }
            return surface.rings.flatMap { $0 }.map { abs(plane.distance($0)) }.max() ?? 0
        }
    }

    /// The signed volume (cubic metres) enclosed by the rings, positive when they face outward: the divergence
    /// theorem over the triangles fanned from each polygon's centre. Meaningful only for a closed shell.
    public static func volume(_ surfaces: [LocalSurface]) -> Double {
        let all = surfaces.flatMap { $0.rings.flatMap { $0 } }
        guard !all.isEmpty else { return 0 }
        // About the mean vertex, which keeps the products small far from the frame's origin.
        let reference = all.reduce(SIMD3<Double>(), +) / Double(all.count)
        var total = 0.0
        for surface in surfaces {
            let points = surface.rings.flatMap(PolygonPlane.distinct)
            guard !points.isEmpty else { continue }
            let centre = points.reduce(SIMD3<Double>(), +) / Double(points.count) - reference
            for ring in surface.rings.map(PolygonPlane.distinct) {
                for i in ring.indices {
                    let a = ring[i] - reference
                    let b = ring[(i + 1) % ring.count] - reference
                    total += (centre * PolygonPlane.cross(a, b)).sum()
                }
            }
        }
        return total / 6
    }

    /// Total area (square metres, holes subtracted) per surface kind; surfaces without area count zero.
    public static func areaByKind(_ surfaces: [LocalSurface]) -> [SurfaceKind: Double] {
        var areas: [SurfaceKind: Double] = [:]
        for surface in surfaces {
            areas[surface.kind, default: 0] += PolygonPlane(surface.rings)?.area ?? 0
        }
        return areas
    }
}

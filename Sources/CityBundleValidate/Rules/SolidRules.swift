import CityBundle3D
import CityBundleModel
import CityBundlePipeline
import Foundation

/// Checks a building's 3D surfaces (CityGML LoD2) as a solid: every polygon planar within the rule's `max`
/// (metres, `solid.non-planar`) and the shell closed and consistently wound (`solid.not-closed`). Problems are
/// reported, never repaired: the surfaces are published as the source has them.
struct SolidRules {
    let book: RuleBook

    /// Adds findings; returns true when one is an error (the feature is rejected).
    func check(_ surfaces: [SurfacePolygon], into findings: inout [Finding]) -> Bool {
        guard book.policy(.solidNonPlanar) != .off || book.policy(.solidNotClosed) != .off else { return false }
        let typed = surfaces.map { TypedSurface(kind: SurfaceKind(label: $0.type), rings: $0.rings) }
        var box: BoundingBox?
        for surface in surfaces {
            for ring in surface.rings {
                for p in ring where p.isFinite {
                    if box == nil { box = BoundingBox(p) } else { box!.extend(p) }
                }
            }
        }
        guard let box else { return false }
        let frame = TileFrame(lon: (box.minX + box.maxX) / 2, lat: (box.minY + box.maxY) / 2, height: 0)
        guard let local = try? frame.local(typed) else {
            return FindingPolicy.add(
                .solidNotClosed, "a surface position has no height or a non-finite ordinate", book: book,
                to: &findings)
        }
        let tolerance = book.maximum(.solidNonPlanar) ?? 0.01
        let report = SolidCheck(planarityTolerance: tolerance).check(local)
        var rejected = false
        let nonPlanar = report.problems.compactMap { problem -> (Int, Double)? in
            if case .nonPlanar(let surface, let deviation) = problem { return (surface, deviation) }
            return nil
        }
        if let worst = nonPlanar.max(by: { $0.1 < $1.1 }) {
            rejected =
                FindingPolicy.add(
                    .solidNonPlanar,
                    "\(nonPlanar.count) of \(surfaces.count) surfaces are not planar; surface \(worst.0) (\(surfaces[worst.0].type)) has a vertex \(Self.metres(worst.1)) m from its plane (tolerance \(Self.metres(tolerance)) m)",
                    hint: "the 3D output triangulates them as they are", book: book, to: &findings) || rejected
        }
        var open = 0
        var nonManifold = 0
        var flipped = 0
        var degenerate = 0
        var inward = false
        var involved = Set<Int>()
        for problem in report.problems {
            switch problem {
            case .openEdge(let edge):
                open += 1
                involved.formUnion(edge.surfaces)
            case .nonManifoldEdge(let edge):
                nonManifold += 1
                involved.formUnion(edge.surfaces)
            case .inconsistentOrientation(let edge):
                flipped += 1
                involved.formUnion(edge.surfaces)
            case .degenerate(let surface):
                degenerate += 1
                involved.insert(surface)
            case .inwardFacing: inward = true
            case .nonPlanar: break
            }
        }
        var parts: [String] = []
        if open > 0 { parts.append("\(open) open edges") }
        if nonManifold > 0 { parts.append("\(nonManifold) edges shared by more than two surfaces") }
        if flipped > 0 { parts.append("\(flipped) edges whose surfaces are wound inconsistently") }
        if degenerate > 0 { parts.append("\(degenerate) surfaces without area") }
        if inward { parts.append("the shell faces inward") }
        if !parts.isEmpty {
            let list = involved.sorted().prefix(12).map(String.init).joined(separator: ", ")
            rejected =
                FindingPolicy.add(
                    .solidNotClosed,
                    "the surfaces do not form a closed, outward-facing solid: \(parts.joined(separator: ", "))"
                        + (involved.isEmpty ? "" : " (surfaces \(list)\(involved.count > 12 ? ", …" : ""))"),
                    hint: "the 3D output keeps the surfaces as they are; a viewer may show gaps", book: book,
                    to: &findings) || rejected
        }
        return rejected
    }

    private static func metres(_ value: Double) -> String {
        String(format: "%.3f", value)
    }
}

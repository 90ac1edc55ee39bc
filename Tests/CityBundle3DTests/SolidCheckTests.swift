import CityBundle3D
import Testing

private typealias S = SurfaceShapes

@Test("a closed box: no problems, exact volume and areas by kind, planar")
func validBox() throws {
    let report = SolidCheck().check(S.box(0, 0, 0, 20, 10, 6))
    #expect(report.problems.isEmpty && report.isValid && report.isClosed)
    #expect(abs(try #require(report.volume) - 1200) < 1e-9)
    #expect(report.areaByKind == [.ground: 200, .roof: 200, .wall: 2 * (20 + 10) * 6])
    #expect(try #require(report.worstPlanarity).distance < 1e-12)
}

@Test("a lifted roof corner is reported non-planar with its index and the twisted quad's deviation")
func nonPlanarRoof() throws {
    var surfaces = S.box(0, 0, 0, 10, 10, 5)
    let lift = 0.2
    surfaces[S.roof].rings[0][2].z += lift
    let report = SolidCheck().check(surfaces)
    // A quad with one corner lifted by h lies ±h/4 from the plane parallel to both diagonals (h ≪ size).
    let nonPlanar = report.problems.compactMap { problem -> (Int, Double)? in
        if case .nonPlanar(let surface, let deviation) = problem { return (surface, deviation) }
        return nil
    }
    #expect(nonPlanar.count == 1)
    #expect(nonPlanar.first?.0 == S.roof)
    #expect(abs((nonPlanar.first?.1 ?? 0) - lift / 4) < 1e-3)
    #expect(report.worstPlanarity?.surface == S.roof)
    // Below the tolerance it is only measured.
    let lenient = SolidCheck(planarityTolerance: 0.1).check(surfaces)
    #expect(!lenient.problems.contains { if case .nonPlanar = $0 { true } else { false } })
    #expect(lenient.worstPlanarity?.surface == S.roof)
}

@Test("a box without its east wall is open: the four gap edges name the wall's neighbours, no volume")
func openBox() throws {
    var surfaces = S.box(0, 0, 0, 8, 6, 4)
    surfaces.remove(at: S.eastWall)
    let report = SolidCheck().check(surfaces)
    #expect(!report.isClosed && report.volume == nil)
    let open = report.problems.compactMap { problem -> SolidEdge? in
        if case .openEdge(let edge) = problem { return edge }
        return nil
    }
    #expect(open.count == report.problems.count && open.count == 4)
    // Indices after removal: ground 0, roof 1, south 2, (east gone), north 3, west 4.
    #expect(Set(open.flatMap(\.surfaces)) == [0, 1, 2, 3])
    #expect(open.allSatisfy { $0.from.x == 8 && $0.to.x == 8 })
}

@Test("a wall wound the wrong way: its four edges are used twice in the same direction")
func reversedWall() throws {
    var surfaces = S.box(0, 0, 0, 8, 6, 4)
    surfaces[S.northWall] = S.reversed(surfaces[S.northWall])
    let report = SolidCheck().check(surfaces)
    #expect(report.problems.count == 4)
    for problem in report.problems {
        guard case .inconsistentOrientation(let edge) = problem else {
            Issue.record("unexpected \(problem)")
            continue
        }
        #expect(edge.surfaces.contains(S.northWall) && edge.uses == 2)
    }
    #expect(report.volume == nil)
}

@Test("a shell wound inside out is closed but reported inward-facing with its negative volume")
func invertedBox() throws {
    let report = SolidCheck().check(S.box(0, 0, 0, 2, 3, 4).map(S.reversed))
    #expect(report.problems.count == 1)
    guard case .inwardFacing(let volume) = report.problems.first else {
        Issue.record("expected inwardFacing, got \(report.problems)")
        return
    }
    #expect(abs(volume + 24) < 1e-9 && report.volume == volume)
    #expect(!report.isClosed)
}

@Test("vertices within the snap tolerance are one; beyond it the shell has gaps")
func snapsVertices() throws {
    var surfaces = S.box(0, 0, 0, 8, 6, 4)
    surfaces[S.roof].rings[0][1].x += 0.0004
    #expect(SolidCheck().check(surfaces).isClosed)
    #expect(!SolidCheck(snapTolerance: 0.0001).check(surfaces).isClosed)
}

@Test("a polygon without area is reported degenerate with its index")
func degeneratePolygon() {
    var surfaces = S.box(0, 0, 0, 8, 6, 4)
    surfaces.append(LocalSurface(kind: .other, rings: [[SIMD3(0, 0, 0), SIMD3(8, 0, 0), SIMD3(0, 0, 0)]]))
    let report = SolidCheck().check(surfaces)
    #expect(report.problems.first == .degenerate(surface: 6))
}

@Test("a non-finite vertex makes its polygon degenerate and its edges open, without trapping")
func nonFiniteVertex() {
    var surfaces = S.box(0, 0, 0, 8, 6, 4)
    surfaces[S.roof].rings[0][2] = SIMD3(.nan, 6, 4)
    let report = SolidCheck().check(surfaces)
    #expect(report.problems.first == .degenerate(surface: S.roof))
    #expect(report.problems.contains { if case .openEdge = $0 { true } else { false } })
    #expect(report.volume == nil)
}

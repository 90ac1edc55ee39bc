import CityBundleModel

/// Typed surfaces in a tile's local frame.
extension TileFrame {
    /// `surfaces` in this frame's east, north, up metres (exact, through ECEF; heights taken as ellipsoidal).
    /// Throws, naming the surface, ring and vertex, for a position without height or with a non-finite ordinate.
    public func local(_ surfaces: [TypedSurface]) throws(SurfaceMeshError) -> [LocalSurface] {
        var result: [LocalSurface] = []
        result.reserveCapacity(surfaces.count)
        for (s, surface) in surfaces.enumerated() {
            var rings: [[SIMD3<Double>]] = []
            for (r, ring) in surface.rings.enumerated() {
                var points: [SIMD3<Double>] = []
                points.reserveCapacity(ring.count)
                for (v, p) in ring.enumerated() {
                    guard let height = p.z else { throw .missingHeight(surface: s, ring: r, vertex: v) }
                    guard p.isFinite else { throw .nonFinite(surface: s, ring: r, vertex: v) }
                    let offset = enu(lon: p.x, lat: p.y, height: height)
                    points.append(SIMD3(offset.east, offset.north, offset.up))
                }
                rings.append(points)
            }
            result.append(LocalSurface(kind: surface.kind, rings: rings))
        }
        return result
    }
}

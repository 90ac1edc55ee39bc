import CityBundleModel

/// Turns one `TileFeature` into meshes in a tile's frame: building footprints are extruded from the
/// ground (plus `min_height`) to their height (building points are refused), with walls, roof and floor typed
/// `wall`, `roof` and `ground` (`Extrusion.typedMeshes`); other points become markers and other areas slabs
/// above the ground (untyped). Buildings with LoD2 surfaces (`TileFeature.surfaces`) are meshed from them
/// (`SurfaceMesher`, each triangle typed by its surface), standing on the geoid like extruded ones.
///
/// Footprints are placed through ECEF (`TileFrame.enu`), so they are exact in the tile's tangent plane;
/// each solid stands on the ellipsoid at its own footprint (the mean `up` of its vertices at the tile's
/// ground height), which follows the Earth's curvature across a tile.
public struct FeatureMesher: Sendable {
    /// The building extruder.
    public var extruder: BuildingExtruder
    /// The scenic-site mesher.
    public var scenic: ScenicSiteMesher
    /// The mesher of LoD2 surfaces.
    public var surfaces: SurfaceMesher

    /// Makes a mesher.
    public init(
        extruder: BuildingExtruder = BuildingExtruder(), scenic: ScenicSiteMesher = ScenicSiteMesher(),
        surfaces: SurfaceMesher = SurfaceMesher()
    ) {
        self.extruder = extruder
        self.scenic = scenic
        self.surfaces = surfaces
    }

    /// Meshes `feature` in `frame`, whose origin sits at ground height, tagging vertices with `featureID`.
    public func mesh(_ feature: TileFeature, in frame: TileFrame, featureID: UInt32) throws(ExtrusionError)
        -> MaterialMeshes
    {
        var result = MaterialMeshes()
        let ground = frame.groundHeight
        switch (feature.kind, feature.geometry) {
        case (.building, .point), (.building, .multiPoint):
            // A building without a footprint (a label point) has nothing to extrude.
            throw .notPolygonal(feature.geometry.typeName)
        case (_, .point), (_, .multiPoint):
            var points: [Position] = []
            feature.geometry.forEachPosition { points.append($0) }
            for p in points {
                let local = frame.enu(lon: p.x, lat: p.y, height: ground)
                let marker = scenic.marker(east: local.east, north: local.north, ground: local.up, featureID: featureID)
                result.append(marker, as: .scenicMarker)
            }
        case (.building, _) where !feature.surfaces.isEmpty:
            // LoD2 surfaces are meshed as they are; their heights are above the geoid, which is the frame's ground.
            let lifted = feature.surfaces.map { surface in
                TypedSurface(
                    kind: surface.kind,
                    rings: surface.rings.map { $0.map { Position($0.x, $0.y, ($0.z ?? 0) + ground) } })
            }
            do {
                result.append(try surfaces.mesh(lifted, in: frame, featureID: featureID).meshes)
            } catch {
                throw .emptyFootprint
            }
        case (.building, _):
            // Judge the data's heights, not the frame's: height 0 or below min_height is the caller's to flag.
            guard feature.record.height > feature.minHeight else {
                throw .nonPositiveHeight(base: feature.minHeight, top: feature.record.height)
            }
            let (footprint, base) = try local(feature.geometry, in: frame)
            let solid = try extruder.extrude(
                polygons: footprint, baseHeight: base + feature.minHeight, topHeight: base + feature.record.height,
                featureID: featureID)
            result.append(solid.typedMeshes)
        case (_, _):
            let (footprint, base) = try local(feature.geometry, in: frame)
            let top = base + scenic.areaElevation
            let slab = try scenic.extruder.extrude(
                polygons: footprint, baseHeight: top - scenic.areaThickness, topHeight: top, featureID: featureID)
            result.append(slab.merged, as: .scenicArea)
        }
        return result
    }

    /// The polygons in local east-north metres, and the mean local `up` of their outer rings at ground
    /// height (where the footprint meets the ellipsoid).
    private func local(_ geometry: Geometry, in frame: TileFrame) throws(ExtrusionError) -> (
        [[[SIMD2<Double>]]], Double
    ) {
        let ground = frame.groundHeight
        let polygons = try BuildingExtruder.polygons(of: geometry)
        var upSum = 0.0
        var upCount = 0
        let local = polygons.map { rings in
            rings.enumerated().map { index, ring in
                ring.map { p -> SIMD2<Double> in
                    guard p.x.isFinite, p.y.isFinite else { return p }
                    let enu = frame.enu(lon: p.x, lat: p.y, height: ground)
                    if index == 0 {
                        upSum += enu.up
                        upCount += 1
                    }
                    return SIMD2(enu.east, enu.north)
                }
            }
        }
        guard upCount > 0 else { throw .emptyFootprint }
        return (local, upSum / Double(upCount))
    }
}

import CityBundleModel

/// Heights above the WGS 84 ellipsoid from orthometric heights, through PROJ and the EGM96 geoid
/// grid (Debian's proj-data). Not thread-safe: one per thread.
public final class GeoidModel {
    private let operation: CoordinateOperation
    /// PROJ's name for the operation; a ballpark means the geoid grid is missing.
    public let summary: CoordinateOperationSummary

    /// The EGM96 model (EPSG:5773 heights on WGS 84) to WGS 84 ellipsoidal heights (EPSG:4979).
    public init() throws(GDALError) {
        let source = try SpatialReference(definition: "EPSG:4326+5773")
        operation = try CoordinateOperation(source: source, targetDefinition: "EPSG:4979", areaOfInterest: nil)
        summary = operation.summary
    }

    /// True when PROJ found the geoid grid (otherwise heights are off by tens of metres).
    public var hasGrid: Bool { !summary.isBallpark }

    /// The ellipsoidal height of a point `orthometric` metres above the geoid (0: on the geoid).
    public func ellipsoidalHeight(lon: Double, lat: Double, orthometric: Double = 0) -> Double? {
        var positions = [Position(lon, lat, orthometric)]
        guard (try? operation.transform(&positions)) != nil else { return nil }
        return positions[0].z
    }
}

import CityBundleModel
import CityBundlePipeline
import GDALKit

/// Decides a source's CRS (declared, from the file, or assumed) and builds its `CoordinateNormaliser`.
enum CRSResolver {
    /// Datums PROJ links to WGS 84 only by a ballpark that is nevertheless exact to about 0.1 m.
    private static let datumsAlignedWithWGS84 = ["China_2000", "WGS_1984", "World_Geodetic_System_1984"]

    static func resolve(layer: VectorLayer, source: SourceDefinition, assumeWGS84: Bool) throws -> CoordinateNormaliser
    {
        let path = source.path
        let fileCRS = layer.spatialReference
        let declared = source.crs.map(DeclaredCRS.init)
        var warnings: [String] = []
        var notes: [String] = []
        let crs: SpatialReference
        let origin: String
        var offset: DeclaredCRS?

        switch declared {
        case .gcj02?, .bd09?:
            if let fileCRS, !fileCRS.isGeographic {
                throw IngestError(
                    path: path, layer: layer.name,
                    message: "declared \(declared!) but the file is in the projected CRS \(fileCRS.label)",
                    hint: "GCJ-02 and BD-09 are longitude/latitude systems; remove `crs:` or fix it", exitStatus: .usage
                )
            }
            crs = try SpatialReference(definition: "EPSG:4326")
            offset = declared
            origin = "declared"
        case .definition(let text)?:
            crs = try SpatialReference(definition: text)
            origin = "declared"
            if let fileCRS, !fileCRS.isSame(as: crs) {
                warnings.append(
                    "source '\(source.id)': the file declares \(fileCRS.label); using the declared \(crs.label)")
            }
        case nil:
            if let fileCRS {
                crs = fileCRS
                origin = "file"
            } else if assumeWGS84, let extent = layer.extent, looksLikeLonLat(extent) {
                crs = try SpatialReference(definition: "EPSG:4326")
                origin = "assumed"
                warnings.append(
                    "source '\(source.id)': \(path) declares no CRS; its coordinates look like longitude/latitude and are taken as WGS 84 (assume_wgs84)"
                )
            } else {
                throw IngestError(
                    path: path, layer: layer.name,
                    message:
                        "no coordinate reference system: the file declares none (a shapefile without .prj, a CSV) and none is declared",
                    hint: "add `crs:` to the source (EPSG:4490, EPSG:4547, GCJ-02, BD-09, …) or pass --from-crs",
                    exitStatus: .usage)
            }
        }

        if let helmert = source.helmert {
            let sign: Double = helmert.convention == .coordinateFrame ? -1 : 1
            try crs.setToWGS84(
                tx: helmert.tx, ty: helmert.ty, tz: helmert.tz, rx: sign * helmert.rx, ry: sign * helmert.ry,
                rz: sign * helmert.rz, ppm: helmert.scalePPM)
        }

        let areaOfInterest = try layer.extent.flatMap { extent in
            try CoordinateNormaliser(
                operation: CoordinateOperation(source: crs, areaOfInterest: nil), offset: offset,
                report: placeholderReport
            ).normalise(extent)
        }
        let operation = try CoordinateOperation(source: crs, areaOfInterest: areaOfInterest)
        let summary = operation.summary
        if summary.isBallpark && source.helmert == nil && !datumsAlignedWithWGS84.contains(crs.datumName) {
            warnings.append(
                "source '\(source.id)': PROJ knows only a ballpark transformation from \(crs.datumName) to WGS 84 (errors of tens of metres); declare the 7-parameter transformation you hold under `helmert:`"
            )
        }
        if summary.isBallpark && crs.datumName == "China_2000" {
            notes.append("CGCS2000 and WGS 84 agree to about 0.1 m; PROJ applies no datum shift between them")
        }
        var operationName = summary.name
        switch offset {
        case .gcj02?: operationName += " + GCJ-02 to WGS 84 (iterative inverse, < 0.5 m)"
        case .bd09?: operationName += " + BD-09 to WGS 84 (iterative inverse, < 0.5 m)"
        default: break
        }
        let report = TransformationReport(
            sourceCRS: offset.map(\.description) ?? crs.label, origin: origin, operation: operationName,
            accuracyMetres: offset == nil ? summary.accuracyMetres : max(summary.accuracyMetres ?? 0, 0.5),
            isBallpark: summary.isBallpark, warnings: warnings, notes: notes)
        return CoordinateNormaliser(operation: operation, offset: offset, report: report)
    }

    private static let placeholderReport = TransformationReport(
        sourceCRS: "", origin: "", operation: "", accuracyMetres: nil, isBallpark: false, warnings: [], notes: [])

    /// True when every coordinate of `box` is a plausible longitude/latitude.
    static func looksLikeLonLat(_ box: BoundingBox) -> Bool {
        box.minX >= -180 && box.maxX <= 180 && box.minY >= -90 && box.maxY <= 90
    }
}

import CityBundleIngest
import CityBundleModel
import CityBundlePipeline
import CityGMLKit

/// Opens a source with the reader its format needs: CityGML through the streaming CityGML reader
/// (buildings with their surfaces), everything else through GDAL.
enum SourceReaders {
    struct Opened {
        var reader: any FeatureSource
        var transformation: TransformationReport
        var layer: String
        var expectedCount: Int64?
    }

    static func isCityGML(_ path: String) -> Bool {
        let lowered = path.lowercased()
        return lowered.hasSuffix(".gml") || lowered.hasSuffix(".citygml")
    }

    static func open(_ source: SourceDefinition, in definition: PipelineDefinition) throws -> Opened {
        try open(source, extent: definition.extent, assumeWGS84: definition.assumeWGS84)
    }

    /// Opens `source`; `extent` limits a GDAL source's features (nil: all).
    static func open(_ source: SourceDefinition, extent: BoundingBox?, assumeWGS84: Bool) throws -> Opened {
        if isCityGML(source.resolvedPath) {
            try SourceOpener.checkReadable(path: source.resolvedPath, shownAs: source.path)
            let reader = CityGMLFeatureSource(path: source.resolvedPath, declaredCRS: source.crs, layer: source.layer)
            let report = TransformationReport(
                sourceCRS: source.crs ?? "CityGML srsName", origin: source.crs == nil ? "file" : "declared",
                operation: "PROJ, per the srsName of each building (authority axis order)", accuracyMetres: nil,
                isBallpark: false, warnings: [], notes: [])
            return Opened(
                reader: reader, transformation: report, layer: source.layer ?? "buildings", expectedCount: nil)
        }
        let reader = try GDALFeatureSource(source, extent: extent, assumeWGS84: assumeWGS84)
        return Opened(
            reader: reader, transformation: reader.transformation, layer: reader.layerName,
            expectedCount: reader.expectedCount)
    }
}

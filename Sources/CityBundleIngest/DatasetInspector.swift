import CityBundleModel
public import CityBundlePipeline
import GDALKit

/// What `citybundle inspect` reports of one layer.
public struct LayerReport: Sendable, Codable, Hashable {
    public struct Field: Sendable, Codable, Hashable {
        public var name: String
        public var type: String
    }

    public var file: String
    public var driver: String
    public var layer: String
    public var geometryType: String
    public var featureCount: Int64
    /// The CRS the file declares (name and code), or nil.
    public var crs: String?
    /// The CRS used when one is declared on the command line, or nil.
    public var declaredCRS: String?
    public var fields: [Field]
    /// How text is decoded: the file's declared encoding, or UTF-8 checked strictly.
    public var encoding: String
    /// The layer's extent in WGS 84 [west, south, east, north], when the CRS is known.
    public var extentWGS84: [Double]?
    /// The extent in the file's own coordinates.
    public var extentNative: [Double]?
    /// How coordinates would reach WGS 84.
    public var transformation: String?
    public var warnings: [String]
}

/// Describes every layer of a file without converting it.
public enum DatasetInspector {
    /// - Parameter source: a definition built from the command line (path, encoding, CRS, layer).
    public static func inspect(_ source: SourceDefinition, assumeWGS84: Bool) throws -> [LayerReport] {
        let (dataset, _, recoded) = try SourceOpener.openDataset(source)
        defer { withExtendedLifetime(recoded) {} }
        let layers =
            try source.layer.map { [try SourceOpener.pickLayer(in: dataset, named: $0, shownAs: source.path)] }
            ?? dataset.layers
        return try layers.map { layer in
            var warnings: [String] = []
            var extentWGS84: [Double]?
            var transformation: String?
            do {
                let normaliser = try CRSResolver.resolve(layer: layer, source: source, assumeWGS84: assumeWGS84)
                extentWGS84 = layer.extent.flatMap(normaliser.normalise)?.asArray
                transformation = normaliser.report.operation
                warnings += normaliser.report.warnings
            } catch let error as IngestError {
                warnings.append(error.message)
            }
            return LayerReport(
                file: source.path, driver: dataset.driverName, layer: layer.name,
                geometryType: layer.geometryTypeName, featureCount: layer.featureCount,
                crs: layer.spatialReference?.label, declaredCRS: source.crs,
                fields: layer.fields.map { LayerReport.Field(name: $0.name, type: $0.type.rawValue) },
                encoding: encodingDescription(layer, declared: source.encoding),
                extentWGS84: extentWGS84, extentNative: layer.extent?.asArray, transformation: transformation,
                warnings: warnings)
        }
    }

    private static func encodingDescription(_ layer: VectorLayer, declared: String?) -> String {
        if let declared { return "\(declared) (declared)" }
        if let source = layer.metadataItem("SOURCE_ENCODING", domain: "SHAPEFILE"), !source.isEmpty {
            return "\(source) (from the file's .cpg or language driver)"
        }
        if layer.dataset.driverName == "ESRI Shapefile" {
            return "not declared by the file (no .cpg, language driver 0): read as strict UTF-8"
        }
        return "UTF-8"
    }
}

public import CityBundleModel
public import CityBundlePipeline
import GDALKit

/// A pipeline source read through GDAL: features in WGS 84 lon/lat with standard properties and
/// stable ids. Create and read it on one thread.
public final class GDALFeatureSource: FeatureSource {
    /// The source as configured.
    public let definition: SourceDefinition
    /// How its coordinates reach WGS 84.
    public let transformation: TransformationReport
    /// The layer's name in the file.
    public let layerName: String
    /// The number of features, when the format knows it cheaply (for progress and ETA).
    public let expectedCount: Int64?
    private let opened: SourceOpener.Opened
    private let normaliser: CoordinateNormaliser
    private let mapper: FieldMapper

    /// Opens the source and resolves its CRS; fails early (before any output) on a missing file,
    /// a missing CRS, or data outside `extent` once transformed.
    public init(_ definition: SourceDefinition, extent: BoundingBox?, assumeWGS84: Bool) throws {
        self.definition = definition
        opened = try SourceOpener.open(definition)
        layerName = opened.layer.name
        expectedCount = opened.layer.cheapFeatureCount
        normaliser = try CRSResolver.resolve(layer: opened.layer, source: definition, assumeWGS84: assumeWGS84)
        transformation = normaliser.report
        mapper = FieldMapper(definition.fields)
        if let extent, let dataBox = opened.layer.extent.flatMap(normaliser.normalise), !dataBox.intersects(extent) {
            throw IngestError(
                path: definition.path, layer: layerName,
                message:
                    "after transforming from \(transformation.sourceCRS) the data lies at \(dataBox.rounded), outside the pipeline's extent \(extent.rounded)",
                hint: "the declared CRS is probably wrong (or the axis order is swapped); check `crs:`",
                exitStatus: .usage)
        }
    }

    public func read(batchSize: Int, _ body: ([Feature]) throws -> Void) throws {
        let layer = opened.layer
        layer.resetReading()
        var batch: [Feature] = []
        batch.reserveCapacity(batchSize)
        var index: Int64 = 0
        while let record = layer.nextFeature() {
            batch.append(try feature(from: record, index: index))
            index += 1
            if batch.count == batchSize {
                try body(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { try body(batch) }
    }

    /// - Parameter index: the feature's 0-based position in the layer (GDAL's FID is not always one:
    ///   GeoJSON features with integer ids use the id).
    private func feature(from record: OGRFeatureRecord, index: Int64) throws -> Feature {
        let fid = record.fid
        let location = SourceLocation(file: definition.resolvedPath, layer: layerName, feature: index)
        let sourceGeometry = try record.geometry()
        var properties = try record.properties(decoder: opened.decoder)
        let rawProperties = properties
        let mappedID = mapper.apply(to: &properties)
        var geometry: Geometry?
        if let sourceGeometry {
            do {
                geometry = try normaliser.normalise(sourceGeometry)
            } catch {
                throw GDALError(
                    path: definition.path, layer: layerName, feature: fid, operation: "transform",
                    message: "position \(error.index) cannot be transformed from \(transformation.sourceCRS) to WGS 84",
                    hint: "check the declared CRS", exitStatus: .dataErrors)
            }
        }
        let id =
            mappedID
            ?? FeatureIdentity.derive(sourceID: definition.id, geometry: sourceGeometry, properties: rawProperties)
        return Feature(id: id, geometry: geometry, properties: properties, location: location)
    }
}

extension BoundingBox {
    /// The box with six decimals, for messages.
    var rounded: String {
        let parts = asArray.map { (($0 * 1e6).rounded() / 1e6).description }
        return "[\(parts.joined(separator: ", "))]"
    }
}

import CityBundleIngest
import CityBundleModel
import CityBundlePipeline
import CityBundleTesting

/// A source definition for a test file.
func source(
    _ path: String, id: String = "test", layer: String? = nil, kind: DataKind = .geospatial, crs: String? = nil,
    encoding: String? = nil, helmert: HelmertParameters? = nil, fields: FieldMapping = FieldMapping(),
    csv: CSVColumns? = nil
) -> SourceDefinition {
    SourceDefinition(
        id: id, path: path, resolvedPath: path, layer: layer, kind: kind, crs: crs, encoding: encoding,
        helmert: helmert, fields: fields, csv: csv, line: 1)
}

/// Every feature of a source, in order.
func readAll(_ definition: SourceDefinition, extent: BoundingBox? = nil, assumeWGS84: Bool = false) throws
    -> (features: [Feature], source: GDALFeatureSource)
{
    let reader = try GDALFeatureSource(definition, extent: extent, assumeWGS84: assumeWGS84)
    var features: [Feature] = []
    try reader.read(batchSize: 7) { features += $0 }
    return (features, reader)
}

/// Converts `input` with ogr2ogr (GDAL's own tool) into a new file, to make test inputs in other
/// formats and CRSs from the real fixtures.
func ogr2ogr(_ arguments: [String]) throws {
    let result = try ExternalCommand.run("ogr2ogr", arguments)
    guard result.status == 0 else { throw TestFailure("ogr2ogr \(arguments) failed: \(result.stderr)") }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The first position of a geometry.
func firstPosition(_ geometry: Geometry?) -> Position? {
    var first: Position?
    geometry?.forEachPosition { if first == nil { first = $0 } }
    return first
}

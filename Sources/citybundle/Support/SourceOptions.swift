public import ArgumentParser
public import CityBundleModel
import CityBundlePipeline

extension DataKind: ExpressibleByArgument {}

/// Options that describe one input file on the command line, as a pipeline source would.
struct SourceOptions: ParsableArguments {
    @Option(help: "The layer to read when the file has several (e.g. --layer multipolygons for OSM).")
    var layer: String?

    @Option(
        help: ArgumentHelp(
            "The input's CRS when the file declares none or declares it wrongly.",
            discussion: "Any CRS PROJ knows (EPSG:4490, EPSG:4547, a WKT or PROJ string), or GCJ-02 / BD-09.",
            valueName: "crs"))
    var fromCRS: String?

    @Option(help: "The text encoding of the attributes, e.g. GBK for a Chinese shapefile without .cpg.")
    var encoding: String?

    @Option(help: "What the data is: building, scenic_site or geospatial.")
    var kind: DataKind = .geospatial

    @Option(help: "The field holding each feature's stable id (default: an id derived from content).")
    var idField: String?

    @Option(help: "The field holding the feature's name.")
    var nameField: String?

    @Option(help: "The field holding a building's height in metres.")
    var heightField: String?

    @Option(help: "The field holding a building's floor count.")
    var floorsField: String?

    @Option(help: "CSV: the longitude column (default: lon, lng, longitude, x, 经度).")
    var lonColumn: String?

    @Option(help: "CSV: the latitude column (default: lat, latitude, y, 纬度).")
    var latColumn: String?

    @Flag(help: "Take coordinates as WGS 84 when the file declares no CRS and they look like longitude/latitude.")
    var assumeWGS84 = false

    func validate() throws {
        if (lonColumn == nil) != (latColumn == nil) {
            throw ValidationError("give both --lon-column and --lat-column, or neither")
        }
    }

    /// A pipeline source for `path`.
    func definition(path: String, id: String) -> SourceDefinition {
        SourceDefinition(
            id: id, path: path, resolvedPath: path, layer: layer, kind: kind, crs: fromCRS, encoding: encoding,
            fields: FieldMapping(id: idField, name: nameField, height: heightField, floors: floorsField),
            csv: lonColumn.flatMap { lon in latColumn.map { CSVColumns(lon: lon, lat: $0) } }, line: 0)
    }
}

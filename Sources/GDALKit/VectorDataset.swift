internal import CGDAL
import CityBundleModel

/// An open GDAL vector dataset (read-only), owned by Swift and closed on deinit.
/// Not thread-safe: use it from one thread.
public final class VectorDataset {
    let handle: GDALDatasetH
    /// The path or data source name it was opened from.
    public let path: String

    /// Opens `path` read-only as a vector dataset.
    /// - Parameters:
    ///   - openOptions: driver open options such as `ENCODING=CP936` or `X_POSSIBLE_NAMES=lon`.
    ///   - drivers: restrict to these GDAL drivers (nil: any vector driver).
    public init(path: String, openOptions: [String] = [], drivers: [String]? = nil) throws(GDALError) {
        GDALRuntime.ensureRegistered()
        self.path = path
        let options = CStringList(openOptions)
        let allowed = drivers.map(CStringList.init)
        CPLErrorReset()
        let flags = UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR)
        guard let handle = GDALOpenEx(path, flags, allowed?.constPointer, options.constPointer, nil) else {
            throw GDALError.last(
                path: path, operation: "open", fallback: "not a vector format GDAL can read",
                hint:
                    "check the file exists, is complete and is one of GeoJSON, Shapefile, GeoPackage, CSV, KML/KMZ, OSM",
                exitStatus: .io)
        }
        self.handle = handle
    }

    deinit {
        GDALClose(handle)
    }

    /// The GDAL driver's short name, e.g. "ESRI Shapefile".
    public var driverName: String {
        guard let driver = GDALGetDatasetDriver(handle) else { return "unknown" }
        return String(cString: GDALGetDriverShortName(driver))
    }

    /// The number of layers.
    public var layerCount: Int { Int(GDALDatasetGetLayerCount(handle)) }

    /// The layers, in dataset order.
    public var layers: [VectorLayer] {
        (0..<layerCount).compactMap { index in
            GDALDatasetGetLayer(handle, Int32(index)).map { VectorLayer(handle: $0, dataset: self) }
        }
    }

    /// The result of an SQL query (in the data source's own dialect: PostgreSQL's for PostGIS) as a
    /// layer; the result set is released when the layer is.
    public func query(_ sql: String) throws(GDALError) -> VectorLayer {
        CPLErrorReset()
        guard let result = GDALDatasetExecuteSQL(handle, sql, nil, nil) else {
            throw GDALError.last(
                path: path, operation: "run the source's SQL query", fallback: "the query returned no layer",
                hint: "check `sql:`; it must be a SELECT returning a geometry column", exitStatus: .usage)
        }
        return VectorLayer(handle: result, dataset: self, resultSet: true)
    }

    /// The layer called `name`, or nil.
    public func layer(named name: String) -> VectorLayer? {
        GDALDatasetGetLayerByName(handle, name).map { VectorLayer(handle: $0, dataset: self) }
    }
}

internal import CGDAL
import CityBundleModel

/// Format conversions done by GDAL itself (the library behind ogr2ogr).
public enum VectorTranslate {
    /// Writes `source` (any vector file) as a FlatGeobuf with a packed Hilbert R-tree spatial
    /// index, so GIS clients and servers answer bounding-box queries without reading everything.
    public static func flatGeobuf(from source: String, to destination: String, layerName: String) throws(GDALError) {
        GDALRuntime.ensureRegistered()
        let input = try VectorDataset(path: source)
        let arguments = CStringList(["-f", "FlatGeobuf", "-lco", "SPATIAL_INDEX=YES", "-nln", layerName])
        guard let options = GDALVectorTranslateOptionsNew(arguments.pointer, nil) else {
            throw GDALError(
                path: destination, operation: "convert to FlatGeobuf", message: "invalid options", exitStatus: .io)
        }
        defer { GDALVectorTranslateOptionsFree(options) }
        var sources: [GDALDatasetH?] = [input.handle]
        var failed: Int32 = 0
        CPLErrorReset()
        let output = sources.withUnsafeMutableBufferPointer { buffer in
            GDALVectorTranslate(destination, nil, 1, buffer.baseAddress, options, &failed)
        }
        guard let output, failed == 0 else {
            throw GDALError.last(
                path: destination, operation: "convert to FlatGeobuf", fallback: "GDAL could not write the file",
                exitStatus: .io)
        }
        GDALClose(output)
    }
}

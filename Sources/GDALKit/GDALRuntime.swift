internal import CGDAL
internal import CPROJ

/// Process-wide GDAL set-up: drivers registered once, GDAL's own stderr printing silenced
/// (errors are read back with `CPLGetLastErrorMsg` and turned into `GDALError`s).
enum GDALRuntime {
    private static let registered: Bool = {
        GDALAllRegister()
        CPLSetErrorHandler(CPLQuietErrorHandler)
        return true
    }()

    /// Call before any GDAL use; cheap after the first call.
    static func ensureRegistered() {
        _ = registered
    }

    /// The GDAL release name, e.g. "3.6.2".
    static var version: String {
        ensureRegistered()
        return String(cString: GDALVersionInfo("RELEASE_NAME"))
    }
}

/// Facts about the linked GDAL and PROJ, for provenance and `--version`.
public enum GDALInfo {
    public static var gdalVersion: String { GDALRuntime.version }

    /// The linked PROJ version, e.g. "9.1.1".
    public static var projVersion: String {
        let info = proj_info()
        return info.version.map { String(cString: $0) } ?? "unknown"
    }
}

internal import CGDAL
import CityBundleModel

/// An OGR spatial reference owned by Swift, with axis order forced to the traditional GIS
/// order (longitude/easting first), which is how every vector format stores coordinates.
public final class SpatialReference {
    let handle: OGRSpatialReferenceH

    /// Takes ownership of `handle`.
    init(owning handle: OGRSpatialReferenceH) {
        self.handle = handle
        OSRSetAxisMappingStrategy(handle, OAMS_TRADITIONAL_GIS_ORDER)
    }

    /// A CRS from any definition GDAL understands: `EPSG:4490`, a URN, WKT, PROJJSON or a PROJ string.
    public convenience init(definition: String) throws(GDALError) {
        GDALRuntime.ensureRegistered()
        guard let handle = OSRNewSpatialReference(nil) else {
            throw GDALError(
                path: definition, operation: "create CRS", message: "out of memory", exitStatus: .io)
        }
        guard OSRSetFromUserInput(handle, definition) == OGRERR_NONE else {
            OSRDestroySpatialReference(handle)
            throw GDALError.last(
                path: "CRS '\(definition)'", operation: "parse CRS", fallback: "not a CRS that PROJ knows",
                hint: "use an EPSG code such as EPSG:4490, a WKT, a PROJ string, GCJ-02 or BD-09",
                exitStatus: .usage)
        }
        self.init(owning: handle)
    }

    /// A copy of a CRS owned by someone else (for example a layer).
    convenience init(cloning handle: OGRSpatialReferenceH) {
        self.init(owning: OSRClone(handle))
    }

    deinit {
        OSRDestroySpatialReference(handle)
    }

    /// The CRS name, e.g. "CGCS2000 / 3-degree Gauss-Kruger CM 114E".
    public var name: String {
        OSRGetName(handle).map { String(cString: $0) } ?? "unnamed"
    }

    /// `EPSG:4547` when the CRS is identified by an authority code, else nil.
    public var authorityCode: String? {
        guard let authority = OSRGetAuthorityName(handle, nil), let code = OSRGetAuthorityCode(handle, nil) else {
            return nil
        }
        return "\(String(cString: authority)):\(String(cString: code))"
    }

    /// The geodetic datum's name, e.g. "China_2000" or "Xian_1980".
    public var datumName: String {
        OSRGetAttrValue(handle, "DATUM", 0).map { String(cString: $0) } ?? "unknown"
    }

    /// A short label: "CGCS2000 / 3-degree Gauss-Kruger CM 114E (EPSG:4547)".
    public var label: String {
        authorityCode.map { "\(name) (\($0))" } ?? name
    }

    /// True for a geographic (lon/lat) CRS.
    public var isGeographic: Bool { OSRIsGeographic(handle) != 0 }

    /// The CRS as WKT2:2019, which PROJ reads without loss.
    public var wkt2: String {
        let options = CStringList(["FORMAT=WKT2_2019"])
        var text: UnsafeMutablePointer<CChar>?
        guard OSRExportToWktEx(handle, &text, options.constPointer) == OGRERR_NONE, let text else { return "" }
        defer { VSIFree(text) }
        return String(cString: text)
    }

    /// Attaches a 7-parameter Helmert transformation to WGS 84 (position-vector convention,
    /// translations in metres, rotations in arc-seconds, scale in ppm), as WKT1's TOWGS84 does.
    public func setToWGS84(tx: Double, ty: Double, tz: Double, rx: Double, ry: Double, rz: Double, ppm: Double)
        throws(GDALError)
    {
        guard OSRSetTOWGS84(handle, tx, ty, tz, rx, ry, rz, ppm) == OGRERR_NONE else {
            throw GDALError.last(
                path: name, operation: "set Helmert parameters", fallback: "the CRS does not accept TOWGS84",
                exitStatus: .usage)
        }
    }

    /// True when both describe the same CRS (ignoring axis order, as data is in GIS order anyway).
    public func isSame(as other: SpatialReference) -> Bool {
        let options = CStringList([
            "IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES", "CRITERION=EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS",
        ])
        return OSRIsSameEx(handle, other.handle, options.constPointer) != 0
    }
}

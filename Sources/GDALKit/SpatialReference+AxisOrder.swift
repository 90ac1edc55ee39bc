internal import CGDAL

extension SpatialReference {
    /// True when the CRS's authority axis order (as in EPSG's definition, and so in GML `srsName`
    /// data) puts the second GIS axis first: latitude before longitude for EPSG geographic CRSs,
    /// northing before easting for, e.g., the Japanese plane rectangular systems.
    ///
    /// ``CoordinateOperation`` expects GIS order (longitude/easting first), so coordinates written in
    /// authority order must have their first two ordinates swapped before they are transformed.
    public var authorityOrderSwapsFirstTwoAxes: Bool {
        var count: Int32 = 0
        guard let mapping = OSRGetDataAxisToSRSAxisMapping(handle, &count), count >= 2 else { return false }
        return mapping[0] == 2 && mapping[1] == 1
    }
}

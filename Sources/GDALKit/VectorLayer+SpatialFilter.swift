internal import CGDAL
public import CityBundleModel

extension VectorLayer {
    /// Restricts reading and counting to features whose geometry intersects `box` (in the layer's CRS).
    ///
    /// Formats with a spatial index (FlatGeobuf written with `SPATIAL_INDEX=YES`, GeoPackage, shapefiles with
    /// a `.qix`) answer from the index; others scan. GDAL then keeps only the features whose geometry really
    /// intersects the rectangle, as every OGR client does. Reading restarts at the first feature.
    public func setSpatialFilter(_ box: BoundingBox) {
        OGR_L_SetSpatialFilterRect(handle, box.minX, box.minY, box.maxX, box.maxY)
        OGR_L_ResetReading(handle)
    }

    /// Removes the spatial filter; reading restarts at the first feature.
    public func clearSpatialFilter() {
        OGR_L_SetSpatialFilter(handle, nil)
        OGR_L_ResetReading(handle)
    }

    /// Restricts reading to features matching an OGR SQL `WHERE` clause, or removes the filter for nil.
    /// - Throws: `GDALError` (usage) when GDAL refuses the expression.
    public func setAttributeFilter(_ whereClause: String?) throws(GDALError) {
        CPLErrorReset()
        guard OGR_L_SetAttributeFilter(handle, whereClause) == OGRERR_NONE else {
            throw GDALError.last(
                path: dataset.path, layer: name, operation: "set attribute filter",
                fallback: "invalid filter expression",
                hint: nil, exitStatus: .usage)
        }
        OGR_L_ResetReading(handle)
    }

    /// The feature with GDAL's feature id `fid`, or nil.
    public func feature(fid: Int64) -> OGRFeatureRecord? {
        OGR_L_GetFeature(handle, GIntBig(fid)).map { OGRFeatureRecord(owning: $0, layer: self) }
    }
}

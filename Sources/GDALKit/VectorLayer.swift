internal import CGDAL
public import CityBundleModel

/// One layer of an open `VectorDataset`. It keeps its dataset alive.
public final class VectorLayer {
    let handle: OGRLayerH
    /// The dataset this layer belongs to (kept alive while the layer is used).
    public let dataset: VectorDataset
    /// Column definitions, in order.
    public let fields: [FieldDefinition]

    /// True for the result of `VectorDataset.query`, which must be released.
    private let isResultSet: Bool

    init(handle: OGRLayerH, dataset: VectorDataset, resultSet: Bool = false) {
        self.handle = handle
        self.dataset = dataset
        self.isResultSet = resultSet
        let definition = OGR_L_GetLayerDefn(handle)
        self.fields = (0..<OGR_FD_GetFieldCount(definition)).map { index in
            FieldDefinition(fieldDefinition: OGR_FD_GetFieldDefn(definition, index))
        }
    }

    deinit {
        if isResultSet { GDALDatasetReleaseResultSet(dataset.handle, handle) }
    }

    /// The layer name.
    public var name: String { String(cString: OGR_L_GetName(handle)) }

    /// The CRS the file declares, or nil when it declares none.
    public var spatialReference: SpatialReference? {
        OGR_L_GetSpatialRef(handle).map { SpatialReference(cloning: $0) }
    }

    /// The declared geometry type name ("Polygon", "Unknown (any)", …).
    public var geometryTypeName: String {
        String(cString: OGRGeometryTypeToName(OGR_L_GetGeomType(handle)))
    }

    /// The number of features; counts them when the format does not store it.
    public var featureCount: Int64 { Int64(OGR_L_GetFeatureCount(handle, 1)) }

    /// The number of features when the format knows it without reading them all, else nil.
    public var cheapFeatureCount: Int64? {
        let count = Int64(OGR_L_GetFeatureCount(handle, 0))
        return count >= 0 ? count : nil
    }

    /// The extent in the layer's own CRS, or nil when the layer is empty.
    public var extent: BoundingBox? {
        var envelope = OGREnvelope()
        guard OGR_L_GetExtent(handle, &envelope, 1) == OGRERR_NONE, envelope.MinX <= envelope.MaxX else {
            return nil
        }
        return BoundingBox(minX: envelope.MinX, minY: envelope.MinY, maxX: envelope.MaxX, maxY: envelope.MaxY)
    }

    /// A metadata item of the layer, e.g. `SOURCE_ENCODING` in domain `SHAPEFILE`.
    public func metadataItem(_ name: String, domain: String? = nil) -> String? {
        GDALGetMetadataItem(handle, name, domain).map { String(cString: $0) }
    }

    /// True when the driver returns strings recoded to UTF-8.
    public var stringsAreUTF8: Bool { OGR_L_TestCapability(handle, OLCStringsAsUTF8) != 0 }

    /// Restarts reading at the first feature.
    public func resetReading() {
        OGR_L_ResetReading(handle)
    }

    /// Reads the next feature, or nil at the end of the layer.
    public func nextFeature() -> OGRFeatureRecord? {
        OGR_L_GetNextFeature(handle).map { OGRFeatureRecord(owning: $0, layer: self) }
    }
}

extension FieldDefinition {
    init(fieldDefinition: OGRFieldDefnH) {
        let name = String(cString: OGR_Fld_GetNameRef(fieldDefinition))
        let type: FieldType =
            switch OGR_Fld_GetType(fieldDefinition) {
            case OFTInteger: OGR_Fld_GetSubType(fieldDefinition) == OFSTBoolean ? .boolean : .integer
            case OFTInteger64: .integer64
            case OFTReal: .real
            case OFTDate: .date
            case OFTTime: .time
            case OFTDateTime: .dateTime
            case OFTBinary: .binary
            case OFTIntegerList: .integerList
            case OFTInteger64List: .integer64List
            case OFTRealList: .realList
            case OFTStringList: .stringList
            default: .string
            }
        self.init(
            name: name, type: type, width: Int(OGR_Fld_GetWidth(fieldDefinition)),
            precision: Int(OGR_Fld_GetPrecision(fieldDefinition)))
    }
}

public import CityBundleModel

extension TileFeature {
    /// The feature as bytes for the scratch spool (``FeatureSpool``); ``init(spooled:)`` reads them back.
    public var spooledBytes: [UInt8] {
        var writer = BinaryRecordWriter()
        writer.string(record.id)
        writer.optionalString(record.name)
        writer.f64(record.height)
        writer.string(record.kind)
        writer.string(record.source)
        writer.u8(record.heightEstimated ? 1 : 0)
        writer.string(kind.rawValue)
        writer.f64(minHeight)
        geometry.write(to: &writer)
        return writer.bytes
    }

    /// Reads a feature written by ``spooledBytes``.
    public init(spooled bytes: [UInt8]) throws(SpoolError) {
        var reader = BinaryRecordReader(bytes)
        let record = FeatureRecord(
            id: try reader.string(), name: try reader.optionalString(), height: try reader.f64(),
            kind: try reader.string(), source: try reader.string(), heightEstimated: try reader.u8() == 1)
        guard let kind = DataKind(rawValue: try reader.string()) else {
            throw SpoolError.corruptRecord(offset: reader.offset)
        }
        let minHeight = try reader.f64()
        self.init(record: record, geometry: try Geometry(reading: &reader), kind: kind, minHeight: minHeight)
    }
}

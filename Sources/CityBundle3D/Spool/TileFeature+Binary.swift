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
        writer.u32(surfaces.count)
        for surface in surfaces {
            writer.string(surface.kind.rawValue)
            Geometry.polygon(surface.rings).write(to: &writer)
        }
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
        let geometry = try Geometry(reading: &reader)
        let count = try reader.u32()
        guard count <= bytes.count else { throw SpoolError.corruptRecord(offset: reader.offset) }
        var surfaces: [TypedSurface] = []
        for _ in 0..<count {
            let label = try reader.string()
            guard let kind = SurfaceKind(rawValue: label), case .polygon(let rings) = try Geometry(reading: &reader)
            else {
                throw SpoolError.corruptRecord(offset: reader.offset)
            }
            surfaces.append(TypedSurface(kind: kind, rings: rings))
        }
        self.init(record: record, geometry: geometry, kind: kind, minHeight: minHeight, surfaces: surfaces)
    }
}

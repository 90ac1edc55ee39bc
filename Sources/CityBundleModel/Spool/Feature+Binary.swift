extension Feature {
    /// The feature (id, geometry, properties in order, source location) in the spool's binary form.
    public var spooledBytes: [UInt8] {
        var writer = BinaryRecordWriter()
        writer.optionalString(id)
        if let geometry {
            writer.u8(1)
            geometry.write(to: &writer)
        } else {
            writer.u8(0)
        }
        writer.u32(properties.entries.count)
        for property in properties.entries {
            writer.string(property.name)
            switch property.value {
            case .null: writer.u8(0)
            case .bool(let b): writer.u8(b ? 2 : 1)
            case .int(let i):
                writer.u8(3)
                writer.i64(i)
            case .double(let d):
                writer.u8(4)
                writer.f64(d)
            case .string(let s):
                writer.u8(5)
                writer.string(s)
            }
        }
        writer.string(location.file)
        writer.optionalString(location.layer)
        writer.i64(location.feature ?? -1)
        writer.i64(Int64(location.line ?? -1))
        writer.u32(surfaces.count)
        for surface in surfaces {
            writer.string(surface.type)
            Geometry.polygon(surface.rings).write(to: &writer)
        }
        return writer.bytes
    }

    /// Reads a feature written by ``spooledBytes``.
    public init(spooled bytes: [UInt8]) throws(SpoolError) {
        var reader = BinaryRecordReader(bytes)
        let id = try reader.optionalString()
        let geometry = try reader.u8() == 1 ? try Geometry(reading: &reader) : nil
        let count = try reader.u32()
        guard count <= bytes.count else { throw SpoolError.corruptRecord(offset: reader.offset) }
        var entries: [Property] = []
        entries.reserveCapacity(count)
        for _ in 0..<count {
            let name = try reader.string()
            let value: Value
            switch try reader.u8() {
            case 0: value = .null
            case 1: value = .bool(false)
            case 2: value = .bool(true)
            case 3: value = .int(try reader.i64())
            case 4: value = .double(try reader.f64())
            case 5: value = .string(try reader.string())
            default: throw SpoolError.corruptRecord(offset: reader.offset)
            }
            entries.append(Property(name, value))
        }
        let file = try reader.string()
        let layer = try reader.optionalString()
        let feature = try reader.i64()
        let line = try reader.i64()
        let surfaceCount = try reader.u32()
        guard surfaceCount <= bytes.count else { throw SpoolError.corruptRecord(offset: reader.offset) }
        var surfaces: [SurfacePolygon] = []
        for _ in 0..<surfaceCount {
            let type = try reader.string()
            guard case .polygon(let rings) = try Geometry(reading: &reader) else {
                throw SpoolError.corruptRecord(offset: reader.offset)
            }
            surfaces.append(SurfacePolygon(type: type, rings: rings))
        }
        self.init(
            id: id, geometry: geometry, properties: Properties(entries),
            location: SourceLocation(
                file: file, layer: layer, feature: feature < 0 ? nil : feature, line: line < 0 ? nil : Int(line)),
            surfaces: surfaces)
    }
}

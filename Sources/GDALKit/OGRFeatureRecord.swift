internal import CGDAL
public import CityBundleModel

/// One feature read from a `VectorLayer`, owned by Swift and destroyed on deinit.
public final class OGRFeatureRecord {
    let handle: OGRFeatureH
    let layer: VectorLayer

    init(owning handle: OGRFeatureH, layer: VectorLayer) {
        self.handle = handle
        self.layer = layer
    }

    deinit {
        OGR_F_Destroy(handle)
    }

    /// The feature id GDAL assigns (record number for most formats).
    public var fid: Int64 { Int64(OGR_F_GetFID(handle)) }

    /// The geometry in the layer's CRS, or nil when the feature has none.
    /// Curves are approximated by line segments.
    public func geometry() throws(GDALError) -> Geometry? {
        guard let geometry = OGR_F_GetGeometryRef(handle) else { return nil }
        do {
            return try OGRGeometryReader.read(geometry)
        } catch {
            throw GDALError(
                path: layer.dataset.path, layer: layer.name, feature: fid, operation: "read geometry",
                message: error.message, exitStatus: .dataErrors)
        }
    }

    /// The attributes, decoded with `decoder`. Unset fields are omitted; null fields are `.null`.
    public func properties(decoder: TextDecoder) throws(GDALError) -> Properties {
        var entries: [Property] = []
        entries.reserveCapacity(layer.fields.count)
        for (index, field) in layer.fields.enumerated() {
            let i = Int32(index)
            guard OGR_F_IsFieldSet(handle, i) != 0 else { continue }
            if OGR_F_IsFieldNull(handle, i) != 0 {
                entries.append(Property(field.name, .null))
                continue
            }
            entries.append(Property(field.name, try value(of: field, at: i, decoder: decoder)))
        }
        return Properties(entries)
    }

    private func value(of field: FieldDefinition, at i: Int32, decoder: TextDecoder) throws(GDALError) -> Value {
        switch field.type {
        case .integer, .integer64: return .int(Int64(OGR_F_GetFieldAsInteger64(handle, i)))
        case .boolean: return .bool(OGR_F_GetFieldAsInteger(handle, i) != 0)
        case .real: return .double(OGR_F_GetFieldAsDouble(handle, i))
        case .date, .dateTime, .time: return dateValue(at: i, type: field.type)
        default:
            guard let raw = OGR_F_GetFieldAsString(handle, i) else { return .null }
            guard let text = decoder.decode(raw) else {
                throw GDALError(
                    path: layer.dataset.path, layer: layer.name, feature: fid, operation: "read attributes",
                    message: "field '\(field.name)' is not valid \(decoder.encodingName) text",
                    hint: decoder.hint, exitStatus: .dataErrors)
            }
            return .string(text)
        }
    }

    /// Dates as ISO 8601 text: `2020-06-07`, `2020-06-07T08:30:00`, `08:30:00`.
    private func dateValue(at i: Int32, type: FieldDefinition.FieldType) -> Value {
        var year: Int32 = 0
        var month: Int32 = 0
        var day: Int32 = 0
        var hour: Int32 = 0
        var minute: Int32 = 0
        var second: Float = 0
        var zone: Int32 = 0
        guard OGR_F_GetFieldAsDateTimeEx(handle, i, &year, &month, &day, &hour, &minute, &second, &zone) != 0 else {
            return .null
        }
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let date = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        let wholeSeconds = Int32(second)
        var time = "\(pad(hour, 2)):\(pad(minute, 2)):\(pad(wholeSeconds, 2))"
        let millis = Int32(((second - Float(wholeSeconds)) * 1000).rounded())
        if millis > 0 { time += ".\(pad(millis, 3))" }
        if zone > 1 {
            let offset = (zone - 100) * 15
            time +=
                offset == 0 ? "Z" : "\(offset < 0 ? "-" : "+")\(pad(abs(offset) / 60, 2)):\(pad(abs(offset) % 60, 2))"
        }
        switch type {
        case .date: return .string(date)
        case .time: return .string(time)
        default: return .string("\(date)T\(time)")
        }
    }
}

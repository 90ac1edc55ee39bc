public import CityBundleModel

/// Encodes one `Feature` as an RFC 7946 GeoJSON Feature object, appending UTF-8 bytes to a buffer.
///
/// Output shape: `{"type":"Feature","id":"…","geometry":{…},"properties":{…}}` on one line, with no
/// trailing newline or comma. `id` is omitted when nil, `geometry` is `null` when nil, properties keep their
/// order. There is never a `crs` member.
///
/// Coordinates:
/// - Every ordinate (x, y and, when present, z) is rounded to `decimals` places
///   (`round(value * 10^decimals)`, ties away from zero) and printed without exponent, without trailing
///   zeros and never as `-0`. Non-finite ordinates are written as `null` (invalid GeoJSON: reject them
///   upstream).
/// - Line strings and rings drop a position that equals the previous one *after rounding*, so rounding never
///   creates consecutive duplicates. Closed rings stay closed. If dropping would leave fewer than 4
///   positions in a ring or 2 in a line string, the ring or line is written with all of its (rounded)
///   positions instead. Multi-points are written as given.
/// - Polygon rings are rewound to the right-hand rule (RFC 7946 §3.1.6): the exterior (first) ring
///   counter-clockwise, holes clockwise. The signed area is computed on the rounded x/y, i.e. on what is
///   written; a ring with zero area is left as it is. Rings are assumed to be closed.
///
/// Attribute values: strings are escaped per RFC 8259 (non-ASCII kept as UTF-8), integers are exact,
/// doubles use their shortest round-trip text, and NaN or infinite doubles become `null`.
public struct GeoJSONFeatureEncoder: Sendable {
    /// Digits kept after the decimal point of every coordinate, 0…7.
    public let decimals: Int

    /// `10^decimals`.
    let scale: Double

    /// `10^decimals` as an integer, to split scaled values into integer and fractional digits.
    private let divisor: UInt64

    /// Creates an encoder that keeps `decimals` digits after the point (clamped to 0…7; 7 digits are
    /// about 1 cm in WGS84 degrees).
    public init(decimals: Int = 7) {
        let clamped = Swift.min(Swift.max(decimals, 0), 7)
        self.decimals = clamped
        self.divisor = JSONBytes.powersOfTen[clamped]
        self.scale = Double(divisor)
    }

    /// Appends `feature` as one GeoJSON Feature object to `buffer`.
    public func encode(_ feature: Feature, into buffer: inout [UInt8]) {
        var extent = ScaledExtent()
        encode(feature, into: &buffer, extent: &extent)
    }

    /// Appends `feature` and grows `extent` by every written (rounded, scaled) position.
    func encode(_ feature: Feature, into buffer: inout [UInt8], extent: inout ScaledExtent) {
        JSONBytes.appendLiteral(#"{"type":"Feature","#, to: &buffer)
        if let id = feature.id {
            JSONBytes.appendLiteral(#""id":"#, to: &buffer)
            JSONBytes.appendString(id, to: &buffer)
            buffer.append(UInt8(ascii: ","))
        }
        JSONBytes.appendLiteral(#""geometry":"#, to: &buffer)
        if let geometry = feature.geometry {
            appendGeometry(geometry, to: &buffer, extent: &extent)
        } else {
            JSONBytes.appendLiteral("null", to: &buffer)
        }
        JSONBytes.appendLiteral(#","properties":{"#, to: &buffer)
        var first = true
        for property in feature.properties {
            if !first { buffer.append(UInt8(ascii: ",")) }
            first = false
            JSONBytes.appendString(property.name, to: &buffer)
            buffer.append(UInt8(ascii: ":"))
            appendValue(property.value, to: &buffer)
        }
        JSONBytes.appendLiteral("}}", to: &buffer)
    }

    // MARK: - Values

    private func appendValue(_ value: Value, to buffer: inout [UInt8]) {
        switch value {
        case .null: JSONBytes.appendLiteral("null", to: &buffer)
        case .bool(let flag): JSONBytes.appendBool(flag, to: &buffer)
        case .int(let integer): JSONBytes.appendInt(integer, to: &buffer)
        case .double(let number): JSONBytes.appendDouble(number, to: &buffer)
        case .string(let text): JSONBytes.appendString(text, to: &buffer)
        }
    }

    // MARK: - Geometry

    /// What a position list is, which decides deduplication limits and winding.
    private enum PathKind {
        case line
        case exteriorRing
        case hole

        var minimumCount: Int { self == .line ? 2 : 4 }
    }

    private func appendGeometry(_ geometry: Geometry, to buffer: inout [UInt8], extent: inout ScaledExtent) {
        switch geometry {
        case .point(let position):
            JSONBytes.appendLiteral(#"{"type":"Point","coordinates":"#, to: &buffer)
            let point = scaled(position)
            extent.add(point)
            appendScaledPosition(point, to: &buffer)
        case .multiPoint(let positions):
            JSONBytes.appendLiteral(#"{"type":"MultiPoint","coordinates":["#, to: &buffer)
            for (index, position) in positions.enumerated() {
                if index > 0 { buffer.append(UInt8(ascii: ",")) }
                let point = scaled(position)
                extent.add(point)
                appendScaledPosition(point, to: &buffer)
            }
            buffer.append(UInt8(ascii: "]"))
        case .lineString(let positions):
            JSONBytes.appendLiteral(#"{"type":"LineString","coordinates":"#, to: &buffer)
            appendPath(positions, kind: .line, to: &buffer, extent: &extent)
        case .multiLineString(let lines):
            JSONBytes.appendLiteral(#"{"type":"MultiLineString","coordinates":["#, to: &buffer)
            for (index, line) in lines.enumerated() {
                if index > 0 { buffer.append(UInt8(ascii: ",")) }
                appendPath(line, kind: .line, to: &buffer, extent: &extent)
            }
            buffer.append(UInt8(ascii: "]"))
        case .polygon(let rings):
            JSONBytes.appendLiteral(#"{"type":"Polygon","coordinates":"#, to: &buffer)
            appendPolygon(rings, to: &buffer, extent: &extent)
        case .multiPolygon(let polygons):
            JSONBytes.appendLiteral(#"{"type":"MultiPolygon","coordinates":["#, to: &buffer)
            for (index, rings) in polygons.enumerated() {
                if index > 0 { buffer.append(UInt8(ascii: ",")) }
                appendPolygon(rings, to: &buffer, extent: &extent)
            }
            buffer.append(UInt8(ascii: "]"))
        case .geometryCollection(let parts):
            JSONBytes.appendLiteral(#"{"type":"GeometryCollection","geometries":["#, to: &buffer)
            for (index, part) in parts.enumerated() {
                if index > 0 { buffer.append(UInt8(ascii: ",")) }
                appendGeometry(part, to: &buffer, extent: &extent)
            }
            buffer.append(UInt8(ascii: "]"))
        }
        buffer.append(UInt8(ascii: "}"))
    }

    private func appendPolygon(_ rings: [[Position]], to buffer: inout [UInt8], extent: inout ScaledExtent) {
        buffer.append(UInt8(ascii: "["))
        for (index, ring) in rings.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            appendPath(ring, kind: index == 0 ? .exteriorRing : .hole, to: &buffer, extent: &extent)
        }
        buffer.append(UInt8(ascii: "]"))
    }

    /// Writes a line string or ring: rounds, drops rounding duplicates, fixes the winding of rings.
    private func appendPath(
        _ positions: [Position], kind: PathKind, to buffer: inout [UInt8], extent: inout ScaledExtent
    ) {
        let count = positions.count
        guard count > 0 else {
            JSONBytes.appendLiteral("[]", to: &buffer)
            return
        }
        withUnsafeTemporaryAllocation(of: Position.self, capacity: count) { storage in
            var distinct = 1
            storage.initializeElement(at: 0, to: scaled(positions[0]))
            for index in 1..<count {
                storage.initializeElement(at: index, to: scaled(positions[index]))
                if storage[index] != storage[index - 1] { distinct += 1 }
            }
            var kept = count
            if distinct < count && distinct >= kind.minimumCount {
                // Compact in place: keep a position only when it differs from the last kept one.
                kept = 1
                for index in 1..<count where storage[index] != storage[kept - 1] {
                    storage[kept] = storage[index]
                    kept += 1
                }
            }
            let path = UnsafeMutableBufferPointer(rebasing: storage[0..<kept])
            switch kind {
            case .line: break
            case .exteriorRing: RingOrientation.orient(path, counterClockwise: true)
            case .hole: RingOrientation.orient(path, counterClockwise: false)
            }
            buffer.append(UInt8(ascii: "["))
            for index in 0..<kept {
                if index > 0 { buffer.append(UInt8(ascii: ",")) }
                extent.add(path[index])
                appendScaledPosition(path[index], to: &buffer)
            }
            buffer.append(UInt8(ascii: "]"))
            _ = storage.deinitialize()
        }
    }

    // MARK: - Positions

    /// `value * 10^decimals`, rounded half away from zero.
    @inline(__always)
    private func roundScaled(_ value: Double) -> Double {
        (value * scale).rounded(.toNearestOrAwayFromZero)
    }

    /// The position with every ordinate scaled and rounded.
    @inline(__always)
    private func scaled(_ position: Position) -> Position {
        Position(roundScaled(position.x), roundScaled(position.y), position.z.map { roundScaled($0) })
    }

    /// Appends `[x,y]` or `[x,y,z]` of a scaled position, formatted in one stack scratch buffer.
    @inline(__always)
    private func appendScaledPosition(_ position: Position, to buffer: inout [UInt8]) {
        let z = position.z
        guard JSONBytes.isFastFixed(position.x), JSONBytes.isFastFixed(position.y),
            z.map(JSONBytes.isFastFixed) ?? true
        else {
            appendScaledPositionSlowly(position, to: &buffer)
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4 + 3 * JSONBytes.maximumFixedLength) { scratch in
            let start = scratch.baseAddress!
            var cursor = start
            cursor.pointee = UInt8(ascii: "[")
            cursor += 1
            cursor += JSONBytes.writeFixed(position.x, decimals: decimals, divisor: divisor, to: cursor)
            cursor.pointee = UInt8(ascii: ",")
            cursor += 1
            cursor += JSONBytes.writeFixed(position.y, decimals: decimals, divisor: divisor, to: cursor)
            if let z {
                cursor.pointee = UInt8(ascii: ",")
                cursor += 1
                cursor += JSONBytes.writeFixed(z, decimals: decimals, divisor: divisor, to: cursor)
            }
            cursor.pointee = UInt8(ascii: "]")
            cursor += 1
            buffer.append(contentsOf: UnsafeBufferPointer(start: start, count: cursor - start))
        }
    }

    /// `appendScaledPosition` for non-finite or out-of-`Int64` ordinates.
    private func appendScaledPositionSlowly(_ position: Position, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "["))
        JSONBytes.appendFixed(scaled: position.x, decimals: decimals, to: &buffer)
        buffer.append(UInt8(ascii: ","))
        JSONBytes.appendFixed(scaled: position.y, decimals: decimals, to: &buffer)
        if let z = position.z {
            buffer.append(UInt8(ascii: ","))
            JSONBytes.appendFixed(scaled: z, decimals: decimals, to: &buffer)
        }
        buffer.append(UInt8(ascii: "]"))
    }
}

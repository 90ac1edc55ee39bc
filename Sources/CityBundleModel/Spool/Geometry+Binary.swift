extension Geometry {
    /// Appends the geometry in the spool's binary form (read back by ``init(reading:)``).
    public func write(to writer: inout BinaryRecordWriter) {
        func positions(_ list: [Position]) {
            writer.u32(list.count)
            for p in list {
                writer.f64(p.x)
                writer.f64(p.y)
                writer.f64(p.z ?? .nan)
            }
        }
        func lines(_ list: [[Position]]) {
            writer.u32(list.count)
            for line in list { positions(line) }
        }
        switch self {
        case .point(let p):
            writer.u8(0)
            positions([p])
        case .multiPoint(let ps):
            writer.u8(1)
            positions(ps)
        case .lineString(let ps):
            writer.u8(2)
            positions(ps)
        case .multiLineString(let ls):
            writer.u8(3)
            lines(ls)
        case .polygon(let rings):
            writer.u8(4)
            lines(rings)
        case .multiPolygon(let polygons):
            writer.u8(5)
            writer.u32(polygons.count)
            for rings in polygons { lines(rings) }
        case .geometryCollection(let parts):
            writer.u8(6)
            writer.u32(parts.count)
            for part in parts { part.write(to: &writer) }
        }
    }

    /// Reads a geometry written by ``write(to:)``; collections nest at most 16 deep.
    public init(reading reader: inout BinaryRecordReader) throws(SpoolError) {
        self = try Self.read(&reader, depth: 0)
    }

    private static func read(_ reader: inout BinaryRecordReader, depth: Int) throws(SpoolError) -> Geometry {
        func count(atLeast size: Int) throws(SpoolError) -> Int {
            let n = try reader.u32()
            guard n <= (reader.bytes.count - reader.offset) / size else {
                throw SpoolError.corruptRecord(offset: reader.offset)
            }
            return n
        }
        func positions() throws(SpoolError) -> [Position] {
            let n = try count(atLeast: 24)
            var list: [Position] = []
            list.reserveCapacity(n)
            for _ in 0..<n {
                let x = try reader.f64()
                let y = try reader.f64()
                let z = try reader.f64()
                list.append(Position(x, y, z.isNaN ? nil : z))
            }
            return list
        }
        func lines() throws(SpoolError) -> [[Position]] {
            let n = try count(atLeast: 4)
            var list: [[Position]] = []
            list.reserveCapacity(n)
            for _ in 0..<n { list.append(try positions()) }
            return list
        }
        switch try reader.u8() {
        case 0:
            guard let p = try positions().first else { throw SpoolError.corruptRecord(offset: reader.offset) }
            return .point(p)
        case 1: return .multiPoint(try positions())
        case 2: return .lineString(try positions())
        case 3: return .multiLineString(try lines())
        case 4: return .polygon(try lines())
        case 5:
            let n = try count(atLeast: 4)
            var polygons: [[[Position]]] = []
            for _ in 0..<n { polygons.append(try lines()) }
            return .multiPolygon(polygons)
        case 6 where depth < 16:
            let n = try count(atLeast: 1)
            var parts: [Geometry] = []
            for _ in 0..<n { parts.append(try read(&reader, depth: depth + 1)) }
            return .geometryCollection(parts)
        default:
            throw SpoolError.corruptRecord(offset: reader.offset)
        }
    }
}

import Foundation

/// A minimal, independent GLB reader for tests: header, chunks, JSON and typed views into BIN.
struct GLBReader {
    let bytes: [UInt8]
    let json: [String: Any]
    let body: [UInt8]
    let jsonChunkLength: Int

    enum Failure: Error, CustomStringConvertible {
        case malformed(String)
        var description: String {
            switch self {
            case .malformed(let why): "malformed GLB: \(why)"
            }
        }
    }

    init(_ bytes: [UInt8]) throws {
        self.bytes = bytes
        func u32(_ at: Int) -> Int {
            Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
        }
        guard bytes.count >= 28, Array(bytes[0..<4]) == Array("glTF".utf8) else { throw Failure.malformed("magic") }
        guard u32(4) == 2 else { throw Failure.malformed("version \(u32(4))") }
        guard u32(8) == bytes.count else { throw Failure.malformed("length \(u32(8)) vs \(bytes.count)") }
        let jsonLength = u32(12)
        guard u32(16) == 0x4E4F_534A, jsonLength % 4 == 0 else { throw Failure.malformed("JSON chunk header") }
        let jsonBytes = Array(bytes[20..<(20 + jsonLength)])
        let binStart = 20 + jsonLength
        let binLength = u32(binStart)
        guard u32(binStart + 4) == 0x004E_4942, binLength % 4 == 0, binStart + 8 + binLength == bytes.count else {
            throw Failure.malformed("BIN chunk header")
        }
        guard let object = try JSONSerialization.jsonObject(with: Data(jsonBytes)) as? [String: Any] else {
            throw Failure.malformed("JSON is not an object")
        }
        json = object
        body = Array(bytes[(binStart + 8)..<(binStart + 8 + binLength)])
        jsonChunkLength = jsonLength
    }

    func array(_ key: String) -> [[String: Any]] { json[key] as? [[String: Any]] ?? [] }

    /// The raw bytes of buffer view `index`.
    func view(_ index: Int) -> [UInt8] {
        let view = array("bufferViews")[index]
        let offset = view["byteOffset"] as? Int ?? 0
        let length = view["byteLength"] as! Int
        return Array(body[offset..<(offset + length)])
    }

    func floats(accessor index: Int) -> [Float] {
        let accessor = array("accessors")[index]
        let raw = view(accessor["bufferView"] as! Int)
        return stride(from: 0, to: raw.count, by: 4).map { Float(bitPattern: Self.u32(raw, $0)) }
    }

    func indices(accessor index: Int) -> [Int] {
        let accessor = array("accessors")[index]
        let raw = view(accessor["bufferView"] as! Int)
        if accessor["componentType"] as? Int == 5123 {
            return stride(from: 0, to: raw.count, by: 2).map { Int(raw[$0]) | Int(raw[$0 + 1]) << 8 }
        }
        return stride(from: 0, to: raw.count, by: 4).map { Int(Self.u32(raw, $0)) }
    }

    /// The property table (EXT_structural_metadata.propertyTables[0]).
    var propertyTable: [String: Any] {
        let extensions = json["extensions"] as? [String: Any]
        let metadata = extensions?["EXT_structural_metadata"] as? [String: Any]
        return (metadata?["propertyTables"] as? [[String: Any]])?.first ?? [:]
    }

    private func column(_ name: String) -> [String: Any] {
        (propertyTable["properties"] as? [String: Any])?[name] as? [String: Any] ?? [:]
    }

    /// A STRING column decoded with its UINT32 offsets.
    func strings(_ name: String) -> [String] {
        let count = propertyTable["count"] as? Int ?? 0
        let values = view(column(name)["values"] as! Int)
        let offsets = view(column(name)["stringOffsets"] as! Int)
        return (0..<count).map { i in
            let start = Int(Self.u32(offsets, 4 * i))
            let end = Int(Self.u32(offsets, 4 * i + 4))
            return String(decoding: values[start..<end], as: UTF8.self)
        }
    }

    /// A FLOAT64 column.
    func doubles(_ name: String) -> [Double] {
        let raw = view(column(name)["values"] as! Int)
        return stride(from: 0, to: raw.count, by: 8).map { at in
            Double(bitPattern: UInt64(Self.u32(raw, at)) | UInt64(Self.u32(raw, at + 4)) << 32)
        }
    }

    /// A BOOLEAN bitstream column.
    func booleans(_ name: String) -> [Bool] {
        let count = propertyTable["count"] as? Int ?? 0
        let raw = view(column(name)["values"] as! Int)
        return (0..<count).map { raw[$0 / 8] & (1 << UInt8($0 % 8)) != 0 }
    }

    static func u32(_ raw: [UInt8], _ at: Int) -> UInt32 {
        UInt32(raw[at]) | UInt32(raw[at + 1]) << 8 | UInt32(raw[at + 2]) << 16 | UInt32(raw[at + 3]) << 24
    }
}

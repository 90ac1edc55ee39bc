import Foundation

/// What a published feature looked like, reduced to two hashes (about 16 bytes a feature besides its id):
/// enough to tell which features were added, removed or changed between versions.
struct FeatureFingerprint: Equatable {
    var geometry: Int
    /// Order-independent: the wrapping sum of each property's (name, value) hash.
    var attributes: Int
}

/// One feature's hashes per attribute, read again only for the features whose fingerprints differ, to name
/// what changed.
struct FeatureDetail: Equatable {
    var geometry: Int
    var attributes: [String: Int]
}

/// Reads the fingerprints of every feature in a GeoJSON file CityBundle wrote (one feature per
/// line), streaming, keyed by the feature's stable id. Values are hashed as the bytes CityBundle's encoder
/// wrote them (one canonical form per value), without building JSON objects; hashes are compared within one
/// process only.
enum FeatureFingerprints {
    static func read(_ path: String) throws -> [String: FeatureFingerprint] {
        var result: [String: FeatureFingerprint] = [:]
        try forEachLine(of: path) { line in
            if let (id, print) = fingerprint(ofLine: line) { result[id] = print }
        }
        return result
    }

    /// The per-attribute hashes of the features with these ids.
    static func details(_ path: String, ids: Set<String>) throws -> [String: FeatureDetail] {
        var result: [String: FeatureDetail] = [:]
        guard !ids.isEmpty else { return result }
        try forEachLine(of: path) { line in
            var scanner = FeatureLineScanner(line)
            guard let scanned = scanner.scan(), ids.contains(scanned.id) else { return }
            var attributes: [String: Int] = [:]
            for (name, value) in scanned.properties {
                attributes[name] = hash(UnsafeBufferPointer(rebasing: line[value]))
            }
            let geometry = scanned.geometry.map { hash(UnsafeBufferPointer(rebasing: line[$0])) } ?? 0
            result[scanned.id] = FeatureDetail(geometry: geometry, attributes: attributes)
        }
        return result
    }

    /// Calls `body` with each line of the file (without its newline), streaming in 1 MiB chunks.
    private static func forEachLine(of path: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) throws {
        guard let file = FileHandle(forReadingAtPath: path) else { return }
        defer { try? file.close() }
        var pending: [UInt8] = []
        while true {
            let chunk = file.readData(ofLength: 1 << 20)
            pending.append(contentsOf: chunk)
            var start = 0
            pending.withUnsafeBufferPointer { buffer in
                while let newline = buffer[start...].firstIndex(of: 0x0A) {
                    body(UnsafeBufferPointer(rebasing: buffer[start..<newline]))
                    start = newline + 1
                }
            }
            pending.removeFirst(start)
            if chunk.isEmpty { break }
        }
        pending.withUnsafeBufferPointer { body($0) }
    }

    /// Fingerprints one feature line (`{"type":"Feature",…},`); other lines (the collection's head and
    /// tail) give nil.
    static func fingerprint(ofLine line: UnsafeBufferPointer<UInt8>) -> (String, FeatureFingerprint)? {
        var scanner = FeatureLineScanner(line)
        guard let scanned = scanner.scan() else { return nil }
        var attributes = 0
        for (name, value) in scanned.properties {
            var hasher = Hasher()
            hasher.combine(name)
            hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: line[value])))
            attributes &+= hasher.finalize()
        }
        let geometry = scanned.geometry.map { hash(UnsafeBufferPointer(rebasing: line[$0])) } ?? 0
        return (scanned.id, FeatureFingerprint(geometry: geometry, attributes: attributes))
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        return hasher.finalize()
    }
}

/// Finds, in one feature line of a CityBundle GeoJSON file, the id, the byte range of the geometry and the
/// byte range of each property's value, without building JSON objects.
struct FeatureLineScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The feature's parts; nil when the line is not a feature object with an id.
    mutating func scan() -> (id: String, geometry: Range<Int>?, properties: [(String, Range<Int>)])? {
        guard Self.hasFeaturePrefix(bytes), expect(UInt8(ascii: "{")) else { return nil }
        var id: String?
        var geometry: Range<Int>?
        var properties: [(String, Range<Int>)] = []
        while let key = nextKey() {
            let start = index
            switch key {
            case "properties":
                guard expect(UInt8(ascii: "{")) else { return nil }
                while let name = nextKey() {
                    let valueStart = index
                    guard skipValue() else { return nil }
                    properties.append((name, valueStart..<index))
                }
                guard expect(UInt8(ascii: "}")) else { return nil }
            case "geometry":
                guard skipValue() else { return nil }
                geometry = start..<index
            case "id":
                guard skipValue() else { return nil }
                id = Self.text(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            default:
                guard skipValue() else { return nil }
            }
        }
        guard let id else { return nil }
        return (id, geometry, properties)
    }

    private static let prefix = Array(#"{"type":"Feature""#.utf8)

    private static func hasFeaturePrefix(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count >= prefix.count && zip(bytes, prefix).allSatisfy { $0 == $1 }
    }

    /// An id value as text: a string without its quotes (unescaped), or a number as written.
    private static func text(_ value: UnsafeBufferPointer<UInt8>) -> String? {
        guard value.first == UInt8(ascii: "\"") else { return String(decoding: value, as: UTF8.self) }
        guard value.contains(UInt8(ascii: "\\")) else {
            return String(decoding: UnsafeBufferPointer(rebasing: value[1..<(value.count - 1)]), as: UTF8.self)
        }
        return (try? JSONSerialization.jsonObject(with: Data(value), options: .fragmentsAllowed)) as? String
    }

    private mutating func skipSpaces() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D {
            index += 1
        }
    }

    private mutating func expect(_ byte: UInt8) -> Bool {
        skipSpaces()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// The next member's key and the `:` after it, skipping a `,` before it; nil at the closing `}`.
    private mutating func nextKey() -> String? {
        skipSpaces()
        if index < bytes.count, bytes[index] == UInt8(ascii: ",") {
            index += 1
            skipSpaces()
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        let start = index
        guard skipString() else { return nil }
        let key = Self.text(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        guard let key, expect(UInt8(ascii: ":")) else { return nil }
        skipSpaces()
        return key
    }

    private mutating func skipString() -> Bool {
        index += 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""):
                index += 1
                return true
            default: index += 1
            }
        }
        return false
    }

    /// Skips one value (string, object, array, number, literal).
    private mutating func skipValue() -> Bool {
        skipSpaces()
        guard index < bytes.count else { return false }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            return skipString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    guard skipString() else { return false }
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 {
                        index += 1
                        return true
                    }
                default: break
                }
                index += 1
            }
            return false
        default:
            scan: while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20: break scan
                default: index += 1
                }
            }
            return true
        }
    }
}

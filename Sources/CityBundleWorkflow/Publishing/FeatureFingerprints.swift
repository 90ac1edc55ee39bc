import Foundation

/// What a published feature looked like, reduced to hashes: enough to tell which features were
/// added, removed or changed between versions, and which attributes or the geometry changed.
struct FeatureFingerprint: Equatable {
    var geometry: Int
    var attributes: [String: Int]
}

/// Reads the fingerprints of every feature in a GeoJSON file CityBundle wrote (one feature per
/// line), streaming, keyed by the feature's stable id.
enum FeatureFingerprints {
    static func read(_ path: String) throws -> [String: FeatureFingerprint] {
        guard let file = FileHandle(forReadingAtPath: path) else { return [:] }
        defer { try? file.close() }
        var result: [String: FeatureFingerprint] = [:]
        var pending = Data()
        while true {
            let chunk = file.readData(ofLength: 1 << 20)
            pending.append(chunk)
            while let newline = pending.firstIndex(of: 0x0A) {
                let line = pending[pending.startIndex..<newline]
                pending = Data(pending[(newline + 1)...])
                if let (id, print) = fingerprint(ofLine: line) { result[id] = print }
            }
            if chunk.isEmpty { break }
        }
        if let (id, print) = fingerprint(ofLine: pending) { result[id] = print }
        return result
    }

    /// Parses one feature line (`{"type":"Feature",…},`); other lines (the collection's head and
    /// tail) give nil.
    static func fingerprint(ofLine line: Data) -> (String, FeatureFingerprint)? {
        var bytes = line
        while let last = bytes.last, last == UInt8(ascii: ",") || last == 0x0D || last == 0x20 { bytes.removeLast() }
        guard bytes.starts(with: Array(#"{"type":"Feature""#.utf8)),
            let object = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any],
            let id = object["id"].map({ "\($0)" })
        else { return nil }
        let properties = object["properties"] as? [String: Any] ?? [:]
        var attributes: [String: Int] = [:]
        for (name, value) in properties { attributes[name] = hash(value) }
        return (id, FeatureFingerprint(geometry: hash(object["geometry"] ?? NSNull()), attributes: attributes))
    }

    private static func hash(_ value: Any) -> Int {
        let data = (try? JSONSerialization.data(withJSONObject: [value], options: [.sortedKeys])) ?? Data()
        var hasher = Hasher()
        hasher.combine(data)
        return hasher.finalize()
    }
}

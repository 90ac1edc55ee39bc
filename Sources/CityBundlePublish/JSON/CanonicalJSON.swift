public import Foundation

/// The one JSON style every published document uses: sorted keys, two-space indentation, unescaped slashes and
/// a final newline. The same value always gives the same bytes, so signatures and checksums are reproducible.
public enum CanonicalJSON {
    /// Encodes `value` in the canonical style.
    /// - Throws: `EncodingError` (for example for a non-finite number).
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }

    /// Decodes `type` from `data`, or returns nil when the bytes are not that document.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) -> T? {
        try? JSONDecoder().decode(type, from: data)
    }
}

/// Builds the JSON-pointer-ish paths of issues: `features[3].geometry.coordinates`, `properties["a b"]`.
enum StructurePath {
    /// `base` followed by member `key`: `.key` for identifier-like names, `["key"]` otherwise.
    static func member(_ base: String, _ key: String) -> String {
        if isIdentifier(key) { return base.isEmpty ? key : base + "." + key }
        var quoted = "[\""
        for scalar in key.unicodeScalars.prefix(80) {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case _ where scalar.value < 0x20: quoted += "\\u" + hex4(scalar.value)
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        if key.unicodeScalars.count > 80 { quoted += "…" }
        return base + quoted + "\"]"
    }

    /// `base[index]`.
    static func element(_ base: String, _ index: Int) -> String {
        "\(base)[\(index)]"
    }

    private static func isIdentifier(_ key: String) -> Bool {
        guard let first = key.utf8.first, !key.isEmpty, key.utf8.count <= 80 else { return false }
        guard first == UInt8(ascii: "_") || (first | 0x20 >= UInt8(ascii: "a") && first | 0x20 <= UInt8(ascii: "z"))
        else { return false }
        return key.utf8.allSatisfy { byte in
            byte == UInt8(ascii: "_") || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
        }
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

/// The path from the top of a YAML document to one node, rendered as `sources[1].fields.height`.
struct YAMLKeyPath: Sendable, Equatable, CustomStringConvertible {
    /// One step: a mapping key or a list index.
    enum Component: Sendable, Equatable {
        case key(String)
        case index(Int)
    }

    /// The steps from the root; empty for the document itself.
    var components: [Component] = []

    /// The document root.
    static let root = YAMLKeyPath()

    /// This path extended by a mapping key.
    func appending(_ key: String) -> YAMLKeyPath {
        YAMLKeyPath(components: components + [.key(key)])
    }

    /// This path extended by a list index.
    func appending(index: Int) -> YAMLKeyPath {
        YAMLKeyPath(components: components + [.index(index)])
    }

    /// `a.b[2].c`; keys that are not plain words are quoted: `csv["my column"]`.
    var description: String {
        var text = ""
        for component in components {
            switch component {
            case .index(let index):
                text += "[\(index)]"
            case .key(let key) where Self.isPlainWord(key):
                text += text.isEmpty ? key : "." + key
            case .key(let key):
                let escaped = key.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"")
                text += "[\"\(escaped)\"]"
            }
        }
        return text
    }

    private static func isPlainWord(_ key: String) -> Bool {
        !key.isEmpty
            && key.unicodeScalars.allSatisfy { s in
                (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9") || s == "_" || s == "-"
            }
    }
}

extension String {
    /// A copy with every occurrence of `target` replaced (no Foundation needed).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}

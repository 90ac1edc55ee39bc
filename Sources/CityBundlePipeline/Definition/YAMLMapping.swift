import CityBundleModel
import Yams

/// A YAML mapping read strictly: only `allowedKeys` may appear, and each accessor checks the value's type.
///
/// Adding a key to the file format is one entry in `allowedKeys` plus one accessor call, e.g.
/// `let limit = try mapping.optionalInt("max_errors")`.
///
/// Merge keys (`<<: *defaults`) are applied: keys written in the mapping itself win over merged ones.
/// A key whose value is null (`key:`, `key: ~`) counts as absent for the `optional…` accessors.
struct YAMLMapping {
    /// The mapping node itself, for errors about the whole mapping.
    let value: YAMLValue
    /// The keys in file order (merged keys after the mapping's own).
    private(set) var keys: [String] = []
    private var entries: [String: Node] = [:]

    /// Reads `value` as a mapping and rejects keys outside `allowedKeys`, suggesting the closest allowed key.
    init(_ value: YAMLValue, allowedKeys: [String]) throws(PipelineConfigError) {
        guard case .mapping(let mapping) = value.node else {
            throw value.typeError(expected: "a mapping")
        }
        self.value = value
        for (keyNode, valueNode) in try Self.pairs(of: mapping, at: value) {
            let keyValue = YAMLValue(node: keyNode, path: value.path, file: value.file)
            guard case .scalar(let scalar) = keyNode, !keyValue.isNull else {
                throw keyValue.error("a key must be a plain name, found \(keyValue.foundDescription)")
            }
            let key = scalar.string
            guard allowedKeys.contains(key) else {
                let hint =
                    Suggestion.didYouMean(key, among: allowedKeys)
                    ?? "allowed keys here: \(allowedKeys.joined(separator: ", "))"
                throw YAMLValue(node: keyNode, path: value.path.appending(key), file: value.file)
                    .error("unknown key '\(YAMLValue.abbreviated(key))'", hint: hint)
            }
            keys.append(key)
            entries[key] = valueNode
        }
    }

    private static func isMergeKey(_ node: Node) -> Bool {
        guard case .scalar = node else { return false }
        return node.tag.rawValue == Tag.Name.merge.rawValue
    }

    /// The mapping's own pairs followed by those its merge keys bring in, recursively; of pairs with the same key
    /// only the first is kept, so the mapping's own keys win, then earlier merged mappings.
    private static func pairs(of mapping: Node.Mapping, at owner: YAMLValue) throws(PipelineConfigError) -> [(
        key: Node, value: Node
    )] {
        var own: [(key: Node, value: Node)] = []
        var merged: [(key: Node, value: Node)] = []
        for (keyNode, valueNode) in mapping {
            guard isMergeKey(keyNode) else {
                own.append((keyNode, valueNode))
                continue
            }
            let source = YAMLValue(node: valueNode, path: owner.path.appending("<<"), file: owner.file)
            switch valueNode {
            case .mapping(let inner):
                merged += try pairs(of: inner, at: source)
            case .sequence(let sequence):
                for (index, item) in sequence.enumerated() {
                    let itemValue = YAMLValue(node: item, path: source.path.appending(index: index), file: owner.file)
                    guard case .mapping(let inner) = item else {
                        throw itemValue.typeError(expected: "a mapping to merge")
                    }
                    merged += try pairs(of: inner, at: itemValue)
                }
            default:
                throw source.typeError(expected: "a mapping or a list of mappings to merge")
            }
        }
        var seen = Set<String>()
        return (own + merged).filter { pair in
            guard case .scalar(let scalar) = pair.key else { return true }
            return seen.insert(scalar.string).inserted
        }
    }

    // MARK: - Presence

    /// True when `key` is present, even with a null value.
    func contains(_ key: String) -> Bool { entries[key] != nil }

    /// The value of `key`, null included, or nil when the key is absent.
    func raw(_ key: String) -> YAMLValue? {
        entries[key].map { YAMLValue(node: $0, path: value.path.appending(key), file: value.file) }
    }

    /// The value of `key`; its absence is an error located at this mapping.
    func required(_ key: String) throws(PipelineConfigError) -> YAMLValue {
        guard let found = raw(key) else {
            throw PipelineConfigError(
                file: value.file, line: value.node.mark?.line, column: value.node.mark?.column,
                keyPath: value.path.appending(key).description, message: "missing required key '\(key)'")
        }
        return found
    }

    /// The value of `key`, or nil when it is absent or null.
    func optional(_ key: String) -> YAMLValue? {
        guard let found = raw(key), !found.isNull else { return nil }
        return found
    }

    // MARK: - Typed accessors

    /// A required string; empty is an error unless `allowEmpty`.
    func string(_ key: String, allowEmpty: Bool = false) throws(PipelineConfigError) -> String {
        try required(key).string(allowEmpty: allowEmpty)
    }

    /// An optional string; empty is an error unless `allowEmpty`.
    func optionalString(_ key: String, allowEmpty: Bool = false) throws(PipelineConfigError) -> String? {
        guard let found = optional(key) else { return nil }
        let text = try found.string(allowEmpty: true)
        if !allowEmpty, text.trimmingSpaces.isEmpty {
            throw found.error("must not be empty", hint: "leave the key out when there is no value")
        }
        return text
    }

    /// A required finite number (integers accepted).
    func double(_ key: String) throws(PipelineConfigError) -> Double {
        try required(key).double()
    }

    /// An optional finite number (integers accepted).
    func optionalDouble(_ key: String) throws(PipelineConfigError) -> Double? {
        try optional(key)?.double()
    }

    /// A required integer.
    func int(_ key: String) throws(PipelineConfigError) -> Int {
        try required(key).int()
    }

    /// An optional integer.
    func optionalInt(_ key: String) throws(PipelineConfigError) -> Int? {
        try optional(key)?.int()
    }

    /// An optional integer in `range`, or `defaultValue` when absent.
    func int(_ key: String, in range: ClosedRange<Int>, default defaultValue: Int) throws(PipelineConfigError) -> Int {
        guard let found = optional(key) else { return defaultValue }
        let number = try found.int()
        guard range.contains(number) else {
            throw found.error("must be between \(range.lowerBound) and \(range.upperBound), found \(number)")
        }
        return number
    }

    /// An optional boolean, or `defaultValue` when absent.
    func bool(_ key: String, default defaultValue: Bool) throws(PipelineConfigError) -> Bool {
        try optional(key)?.bool() ?? defaultValue
    }

    /// A required enumeration value.
    func oneOf<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) throws(PipelineConfigError) -> E
    where E.RawValue == String {
        try required(key).oneOf(type)
    }

    /// An optional enumeration value.
    func optionalOneOf<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) throws(PipelineConfigError)
        -> E?
    where E.RawValue == String {
        try optional(key)?.oneOf(type)
    }

    /// A required list.
    func list(_ key: String) throws(PipelineConfigError) -> [YAMLValue] {
        try required(key).list()
    }

    /// An optional list.
    func optionalList(_ key: String) throws(PipelineConfigError) -> [YAMLValue]? {
        try optional(key)?.list()
    }

    /// A required nested mapping with its own allowed keys.
    func mapping(_ key: String, allowedKeys: [String]) throws(PipelineConfigError) -> YAMLMapping {
        try required(key).mapping(allowedKeys: allowedKeys)
    }

    /// An optional nested mapping with its own allowed keys.
    func optionalMapping(_ key: String, allowedKeys: [String]) throws(PipelineConfigError) -> YAMLMapping? {
        try optional(key)?.mapping(allowedKeys: allowedKeys)
    }
}

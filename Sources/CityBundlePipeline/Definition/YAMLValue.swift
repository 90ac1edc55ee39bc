import CityBundleModel
import Yams

/// One node of a configuration file together with its key path, read strictly.
///
/// Every accessor returns exactly the type asked for or throws a `PipelineConfigError` that names the file, the
/// node's line and column, its key path, what was expected and what was found. Numbers, booleans and nulls are
/// recognised only in plain (unquoted) scalars, with the YAML 1.2 spellings: `true`/`false`, `null`/`~`/empty.
struct YAMLValue {
    /// The node as composed by Yams (aliases already resolved to their anchored node).
    let node: Node
    /// Where the node sits in the document.
    let path: YAMLKeyPath
    /// The file name used in errors.
    let file: String

    /// An error located at this node.
    func error(_ message: String, hint: String? = nil) -> PipelineConfigError {
        PipelineConfigError(
            file: file, line: node.mark?.line, column: node.mark?.column, keyPath: path.description,
            message: message, hint: hint)
    }

    /// An error of the form "expected X, found Y".
    func typeError(expected: String, hint: String? = nil) -> PipelineConfigError {
        error("expected \(expected), found \(foundDescription)", hint: hint ?? typeHint(expected: expected))
    }

    // MARK: - What the node is

    /// True for `null`, `~` and an empty value.
    var isNull: Bool {
        guard case .scalar = node else { return false }
        return node.tag.rawValue == Tag.Name.null.rawValue
    }

    /// The text of a plain, untagged-as-string scalar: the only place where numbers and booleans are read.
    private var plainText: String? {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any,
            node.tag.rawValue != Tag.Name.str.rawValue
        else { return nil }
        return scalar.string
    }

    /// How the node reads to a person: `a list`, `the number 7.5`, `the string 'yes'`.
    var foundDescription: String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if isNull { return "nothing (null)" }
            if let text = plainText {
                if Self.booleanSpellings[text] != nil { return "the boolean \(text)" }
                if Self.isIntegerText(text) { return "the integer \(text)" }
                if Self.isNumberText(text) { return "the number \(text)" }
            }
            return "the string '\(Self.abbreviated(scalar.string))'"
        }
    }

    private func typeHint(expected: String) -> String? {
        guard case .scalar(let scalar) = node, scalar.style != .plain, scalar.style != .any else { return nil }
        let text = scalar.string
        if (expected.contains("number") && Self.isNumberText(text))
            || (expected.contains("integer") && Self.isIntegerText(text))
            || (expected.contains("true or false") && Self.booleanSpellings[text] != nil)
        {
            return "remove the quotes"
        }
        return nil
    }

    // MARK: - Scalars

    /// A string: any non-null scalar, taken as written (`2024` reads as "2024").
    /// - Parameter allowEmpty: when false, an empty or blank string is an error.
    func string(allowEmpty: Bool = false) throws(PipelineConfigError) -> String {
        guard case .scalar(let scalar) = node, !isNull else { throw typeError(expected: "a string") }
        if !allowEmpty, scalar.string.trimmingSpaces.isEmpty {
            throw error("must not be empty")
        }
        return scalar.string
    }

    /// A finite number; YAML integers are accepted.
    func double() throws(PipelineConfigError) -> Double {
        guard let text = plainText, Self.isNumberText(text), let value = Double(text) else {
            if let text = plainText, Self.nonFiniteSpellings.contains(text.lowercased()) {
                throw error("expected a finite number, found \(text)")
            }
            throw typeError(expected: "a number")
        }
        guard value.isFinite else { throw error("\(text) is too large") }
        return value
    }

    /// An integer written without a fraction or exponent.
    func int() throws(PipelineConfigError) -> Int {
        guard let text = plainText, Self.isIntegerText(text) else { throw typeError(expected: "an integer") }
        guard let value = Int(text) else { throw error("\(text) is too large") }
        return value
    }

    /// `true` or `false` (also `True`/`TRUE`/`False`/`FALSE`); `yes`, `no`, `on`, `off` are refused.
    func bool() throws(PipelineConfigError) -> Bool {
        if let text = plainText, let value = Self.booleanSpellings[text] { return value }
        var hint: String?
        if case .scalar(let scalar) = node,
            ["yes", "no", "on", "off", "y", "n"].contains(scalar.string.lowercased())
        {
            hint = "write true or false"
        }
        throw typeError(expected: "true or false", hint: hint)
    }

    /// One of an enumeration's raw values; a near miss gets a "did you mean" hint.
    func oneOf<E: RawRepresentable & CaseIterable>(_ type: E.Type) throws(PipelineConfigError) -> E
    where E.RawValue == String {
        let names = E.allCases.map(\.rawValue)
        guard case .scalar(let scalar) = node, !isNull else {
            throw typeError(expected: "one of \(names.joined(separator: ", "))")
        }
        if let value = E(rawValue: scalar.string) { return value }
        throw error(
            "'\(Self.abbreviated(scalar.string))' is not one of \(names.joined(separator: ", "))",
            hint: Suggestion.didYouMean(scalar.string, among: names))
    }

    // MARK: - Collections

    /// The items of a list, each with its indexed key path.
    func list() throws(PipelineConfigError) -> [YAMLValue] {
        guard case .sequence(let sequence) = node else { throw typeError(expected: "a list") }
        return sequence.enumerated().map { index, item in
            YAMLValue(node: item, path: path.appending(index: index), file: file)
        }
    }

    /// The node as a mapping whose keys must all be in `allowedKeys`.
    func mapping(allowedKeys: [String]) throws(PipelineConfigError) -> YAMLMapping {
        try YAMLMapping(self, allowedKeys: allowedKeys)
    }

    // MARK: - Spellings

    static let booleanSpellings: [String: Bool] = [
        "true": true, "True": true, "TRUE": true, "false": false, "False": false, "FALSE": false,
    ]

    private static let nonFiniteSpellings: Set<String> = [".inf", "+.inf", "-.inf", ".nan"]

    /// Decimal integer: optional sign, then digits.
    static func isIntegerText(_ text: String) -> Bool {
        var digits = Substring(text)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.unicodeScalars.allSatisfy { $0 >= "0" && $0 <= "9" }
    }

    /// Decimal number: optional sign, digits with an optional point, optional exponent (`1`, `-0.5`, `.5`, `1e3`).
    static func isNumberText(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        func digits() -> Int {
            var count = 0
            while let s = scalars.first, s >= "0", s <= "9" {
                scalars = scalars.dropFirst()
                count += 1
            }
            return count
        }
        if scalars.first == "-" || scalars.first == "+" { scalars = scalars.dropFirst() }
        var mantissa = digits()
        if scalars.first == "." {
            scalars = scalars.dropFirst()
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if scalars.first == "e" || scalars.first == "E" {
            scalars = scalars.dropFirst()
            if scalars.first == "-" || scalars.first == "+" { scalars = scalars.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return scalars.isEmpty
    }

    /// A string cut to 60 characters, with line breaks shown as `\n`, for use inside messages.
    static func abbreviated(_ text: String) -> String {
        let flat = text.replacingAll("\n", with: "\\n")
        return flat.count > 60 ? String(flat.prefix(57)) + "..." : flat
    }
}

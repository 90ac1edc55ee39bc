import Yams

/// Turns YAML text into the root `YAMLValue`, translating Yams' syntax errors into located `PipelineConfigError`s.
enum YAMLDocument {
    /// The root node of the single document in `yaml`, or nil when the text holds no document.
    /// A leading byte order mark is ignored.
    static func compose(yaml: String, file: String) throws(PipelineConfigError) -> YAMLValue? {
        let yaml = yaml.unicodeScalars.first == "\u{FEFF}" ? String(yaml.unicodeScalars.dropFirst()) : yaml
        do {
            guard let node = try Yams.compose(yaml: yaml) else { return nil }
            return YAMLValue(node: node, path: .root, file: file)
        } catch let error as YamlError {
            throw translate(error, yaml: yaml, file: file)
        } catch {
            throw PipelineConfigError(file: file, message: "invalid YAML: \(error)")
        }
    }

    // MARK: - Syntax errors

    private static func translate(_ error: YamlError, yaml: String, file: String) -> PipelineConfigError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            if problem == "but found another document" {
                return PipelineConfigError(
                    file: file, line: mark.line, column: mark.column,
                    message: "the file holds more than one YAML document",
                    hint: "a pipeline file is one document; remove the '---' line")
            }
            if problem.hasPrefix("Maximum nesting level reached") {
                return PipelineConfigError(
                    file: file, line: mark.line, column: mark.column,
                    message: "invalid YAML: lists and mappings are nested too deeply")
            }
            var message = "invalid YAML: \(problem)"
            if let context {
                message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
            }
            return PipelineConfigError(
                file: file, line: mark.line, column: mark.column, message: message,
                hint: tabHint(yaml: yaml, line: mark.line))
        case .reader(let problem, let offset, let value, _):
            var message = "invalid YAML: \(problem)"
            if value >= 0 { message += " (character U+\(hex(value)))" }
            let position = offset.flatMap { lineAndColumn(ofCharacterOffset: $0, in: yaml) }
            return PipelineConfigError(file: file, line: position?.line, column: position?.column, message: message)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return duplicateKeyError(key: duplicates.first ?? "", firstMark: context.mark, yaml: yaml, file: file)
        default:
            return PipelineConfigError(file: file, message: "invalid YAML: \(error)")
        }
    }

    private static func hex(_ value: Int32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// A hint when the offending line is indented with tabs, which YAML forbids.
    private static func tabHint(yaml: String, line: Int) -> String? {
        let lines = splitLines(Array(yaml.unicodeScalars))
        guard line >= 1, line <= lines.count else { return nil }
        let indentation = lines[line - 1].prefix { $0 == " " || $0 == "\t" }
        return indentation.contains("\t") ? "indent with spaces; YAML does not allow tabs for indentation" : nil
    }

    /// The 1-based line and column (in Unicode scalars) of the character at `offset`.
    private static func lineAndColumn(ofCharacterOffset offset: Int, in yaml: String) -> (line: Int, column: Int)? {
        guard let index = yaml.index(yaml.startIndex, offsetBy: offset, limitedBy: yaml.endIndex) else { return nil }
        let before = Array(yaml[..<index].unicodeScalars)
        let lines = splitLines(before)
        return (lines.count, (lines.last?.count ?? 0) + 1)
    }

    /// Splits at the line breaks libyaml counts: LF, CR LF, CR, NEL, LS and PS. Always returns at least one line.
    static func splitLines(_ scalars: [Unicode.Scalar]) -> [ArraySlice<Unicode.Scalar>] {
        var lines: [ArraySlice<Unicode.Scalar>] = []
        var start = 0
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\r" || scalar == "\n" || scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}" {
                lines.append(scalars[start..<index])
                if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
                start = index + 1
            }
            index += 1
        }
        lines.append(scalars[start..<scalars.count])
        return lines
    }

    // MARK: - Duplicate keys

    /// Yams refuses duplicate keys before it builds a tree, reporting only the first occurrence. To name the key
    /// path and the repeated occurrence, the first occurrence (and any further ones Yams reports) are renamed in a
    /// copy of the text, keeping every column in place, and the copy is composed again.
    private static func duplicateKeyError(key: String, firstMark: Mark, yaml: String, file: String)
        -> PipelineConfigError
    {
        let fallback = PipelineConfigError(
            file: file, line: firstMark.line, column: firstMark.column,
            keyPath: YAMLKeyPath.root.appending(key).description,
            message: "duplicate key '\(YAMLValue.abbreviated(key))'", hint: "each key may appear once per mapping")
        var scalars = Array(yaml.unicodeScalars)
        var renamed: [(line: Int, column: Int, key: String)] = [(firstMark.line, firstMark.column, key)]
        guard rename(at: firstMark, in: &scalars, using: 0) else { return fallback }
        var root: Node?
        for _ in 0..<100 {
            do {
                root = try Yams.compose(yaml: String(String.UnicodeScalarView(scalars)))
                break
            } catch YamlError.duplicatedKeysInMapping(let more, let context) {
                guard rename(at: context.mark, in: &scalars, using: renamed.count) else { return fallback }
                renamed.append((context.mark.line, context.mark.column, more.first ?? ""))
            } catch {
                return fallback
            }
        }
        var budget = 200_000
        guard let root,
            let (path, mapping) = findMapping(containingKeyAt: firstMark, in: root, path: .root, budget: &budget)
        else { return fallback }
        func originalName(_ keyNode: Node) -> String? {
            guard let mark = keyNode.mark else { return keyNode.string }
            if let entry = renamed.first(where: { $0.line == mark.line && $0.column == mark.column }) {
                return entry.key
            }
            return keyNode.string
        }
        let occurrences = mapping.keys.filter { originalName($0) == key }.compactMap(\.mark)
            .sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        guard occurrences.count >= 2 else { return fallback }
        let repeated = occurrences[1]
        return PipelineConfigError(
            file: file, line: repeated.line, column: repeated.column, keyPath: path.appending(key).description,
            message: "duplicate key '\(YAMLValue.abbreviated(key))' (first given on line \(firstMark.line))",
            hint: "each key may appear once per mapping")
    }

    /// Replaces the first character of the key starting at `mark` (after an opening quote) with the private-use
    /// character number `serial`, so the key no longer collides with any other and no column moves.
    private static func rename(at mark: Mark, in scalars: inout [Unicode.Scalar], using serial: Int) -> Bool {
        let lines = splitLines(scalars)
        guard mark.line >= 1, mark.line <= lines.count else { return false }
        let line = lines[mark.line - 1]
        var index = line.startIndex + mark.column - 1
        guard index < line.endIndex else { return false }
        if scalars[index] == "\"" || scalars[index] == "'" { index += 1 }
        guard index < line.endIndex, scalars[index] != "\"", scalars[index] != "'", scalars[index] != "\\" else {
            return false
        }
        guard serial < 0x1900, let replacement = Unicode.Scalar(0xE000 + UInt32(serial)) else { return false }
        scalars[index] = replacement
        return true
    }

    /// The mapping holding a key whose node starts at `mark`, and that mapping's key path. Gives up after visiting
    /// `budget` nodes, since aliases can make a small file a very large tree.
    private static func findMapping(
        containingKeyAt mark: Mark, in node: Node, path: YAMLKeyPath, budget: inout Int
    ) -> (YAMLKeyPath, Node.Mapping)? {
        budget -= 1
        guard budget > 0 else { return nil }
        switch node {
        case .mapping(let mapping):
            for (key, _) in mapping where key.mark?.line == mark.line && key.mark?.column == mark.column {
                return (path, mapping)
            }
            for (key, value) in mapping {
                let keyPath = path.appending(key.string ?? "?")
                if let found = findMapping(containingKeyAt: mark, in: value, path: keyPath, budget: &budget) {
                    return found
                }
            }
            return nil
        case .sequence(let sequence):
            for (index, item) in sequence.enumerated() {
                let itemPath = path.appending(index: index)
                if let found = findMapping(containingKeyAt: mark, in: item, path: itemPath, budget: &budget) {
                    return found
                }
            }
            return nil
        case .scalar, .alias:
            return nil
        }
    }
}

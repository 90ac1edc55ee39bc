/// Builds the tree of one JSON value from ``JSONStreamParser`` events, within a memory budget.
///
/// Used for one feature (or one top-level member) at a time, so memory is bounded by the largest
/// feature, not the file. It reports duplicate member names, which the parser cannot see.
enum JSONTreeBuilder {
    /// What became of the value.
    enum Outcome {
        /// The value, complete.
        case built(JSONNode)
        /// The value needed more than the budget: it was reported and read to its end, but not kept.
        case tooLarge
        /// The parser stopped (a fatal issue, or a read error) before the value ended.
        case stopped
    }

    /// An array or object being filled.
    private struct Partial {
        var isObject: Bool
        var line: Int
        var column: Int
        var elements: [JSONNode] = []
        var members: [JSONMember] = []
        var pendingKey = ""
        var keys: Set<String>?
    }

    /// Estimated bytes of one node, one member and one container's storage header.
    static let nodeCost = MemoryLayout<JSONNode>.stride
    static let memberCost = MemoryLayout<JSONMember>.stride
    static let containerCost = 32

    /// Builds the value that `first` (the event just read) begins; `used` grows by its estimated memory.
    static func build(
        startingWith first: JSONEvent, parser: inout JSONStreamParser, issues: inout IssueCollector,
        budget: Int, used: inout Int
    ) -> Outcome {
        let startLine = parser.tokenLine
        let startColumn = parser.tokenColumn
        let baseDepth: Int
        switch first {
        case .objectStart, .arrayStart: baseDepth = parser.depth - 1
        default: baseDepth = parser.depth
        }
        // Open containers are stack[0..<open]; the array never shrinks.
        var stack: [Partial] = []
        var open = 0
        var event = first
        while true {
            var completed: JSONNode?
            let line = parser.tokenLine
            let column = parser.tokenColumn
            switch event {
            case .objectStart, .arrayStart:
                var isObject = false
                if case .objectStart = event { isObject = true }
                var partial = Partial(isObject: isObject, line: line, column: column)
                if partial.isObject { partial.members.reserveCapacity(4) } else { partial.elements.reserveCapacity(4) }
                if open < stack.count { stack[open] = partial } else { stack.append(partial) }
                open += 1
                used += containerCost + nodeCost
            case .key(let key):
                let top = open - 1
                used += memberCost + (key.utf8.count > 15 ? key.utf8.count : 0)
                if isDuplicate(key, in: &stack[top]) {
                    issues.add(
                        StructureRule.duplicateKey, .error,
                        "member \"\(key.prefix(200))\" appears more than once in this object (again at line \(line), "
                            + "column \(column)); readers disagree on which value counts (the last one is checked)",
                        line: stack[top].line, column: stack[top].column, path: parser.currentPath(),
                        featureIndex: issues.featureIndex)
                }
                stack[top].pendingKey = key
            case .string(let text):
                used += nodeCost + (text.utf8.count > 15 ? text.utf8.count : 0)
                completed = JSONNode(value: .string(text), line: line, column: column)
            case .number(let number):
                used += nodeCost
                completed = JSONNode(value: .number(number), line: line, column: column)
            case .bool(let flag):
                used += nodeCost
                completed = JSONNode(value: .bool(flag), line: line, column: column)
            case .null:
                used += nodeCost
                completed = JSONNode(value: .null, line: line, column: column)
            case .objectEnd:
                open -= 1
                let members = stack[open].members
                stack[open].members = []
                completed = JSONNode(value: .object(members), line: stack[open].line, column: stack[open].column)
            case .arrayEnd:
                open -= 1
                let elements = stack[open].elements
                stack[open].elements = []
                completed = JSONNode(value: .array(elements), line: stack[open].line, column: stack[open].column)
            case .end, .failed:
                return .stopped
            }
            if used > budget {
                stack.removeAll()
                issues.add(
                    StructureRule.featureTooLarge, .error,
                    "this value needs more than \(budget) bytes in memory (JSONLimits.maxFeatureBytes); "
                        + "it is read to its end but not checked",
                    line: startLine, column: startColumn, path: parser.currentPath(), featureIndex: issues.featureIndex)
                let kept = parser.keepsStrings
                parser.keepsStrings = false
                defer { parser.keepsStrings = kept }
                while parser.depth > baseDepth {
                    switch parser.next(into: &issues) {
                    case .failed, .end: return .stopped
                    default: continue
                    }
                }
                return .tooLarge
            }
            if let node = completed {
                let top = open - 1
                guard top >= 0 else { return .built(node) }
                if stack[top].isObject {
                    stack[top].members.append(JSONMember(key: stack[top].pendingKey, value: node))
                } else {
                    stack[top].elements.append(node)
                }
            }
            event = parser.next(into: &issues)
        }
    }

    /// True when `key` was already a member of `partial`; records it.
    private static func isDuplicate(_ key: String, in partial: inout Partial) -> Bool {
        if partial.keys == nil {
            guard partial.members.count >= 16 else {
                for index in 0..<partial.members.count where partial.members[index].key == key { return true }
                return false
            }
            partial.keys = Set(partial.members.map(\.key))
        }
        return !partial.keys!.insert(key).inserted
    }
}

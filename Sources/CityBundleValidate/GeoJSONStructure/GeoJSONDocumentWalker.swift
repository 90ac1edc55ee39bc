/// Drives one check: reads the top-level values from the parser, streams a FeatureCollection's
/// `features` one element at a time (a small tree each, checked and dropped) and builds the other
/// members as trees within ``JSONLimits/maxFeatureBytes``.
struct GeoJSONDocumentWalker {
    private var parser: JSONStreamParser
    private(set) var issues: IssueCollector
    /// Feature objects seen (see ``StructureReport/featureCount``).
    private(set) var featureCount = 0
    /// Objects streamed from `features` whose root's type is not settled yet.
    private var pendingFeatures = 0
    private let limits: JSONLimits

    init(source: ByteChunkSource, format: GeoJSONInputFormat, limits: JSONLimits, maxIssues: Int) {
        self.limits = limits
        self.parser = JSONStreamParser(source: source, limits: limits, isSequence: format == .sequence)
        self.issues = IssueCollector(maxIssues: maxIssues)
    }

    /// Reads the whole input; stops early at the first fatal issue.
    mutating func run() {
        while true {
            let event = parser.next(into: &issues)
            switch event {
            case .end, .failed: return
            default: guard checkTopLevel(startingWith: event) else { return }
            }
        }
    }

    /// Checks one top-level value; false when the parser stopped inside it.
    private mutating func checkTopLevel(startingWith first: JSONEvent) -> Bool {
        let textIndex = parser.isSequence ? parser.textIndex : nil
        let path = textIndex.map { StructurePath.element("", $0) } ?? ""
        let line = parser.tokenLine
        let column = parser.tokenColumn
        issues.featureIndex = textIndex
        defer { issues.featureIndex = nil }
        guard case .objectStart = first else {
            issues.add(
                StructureRule.rootNotObject, .error,
                "the root of a GeoJSON text must be an object (a Feature, FeatureCollection or geometry), not "
                    + Self.placeholder(for: first).typeDescription,
                line: line, column: column, path: path, featureIndex: textIndex)
            return parser.skipValue(startingWith: first, into: &issues)
        }
        var rootType: String?
        let finished = checkRootObject(line: line, column: column, path: path, textIndex: textIndex, type: &rootType)
        // Features of a collection count (and their issues stand) even when the file stops early; they are
        // dropped when the root turns out to be something else.
        if rootType == GeoJSONType.featureCollection.rawValue || (rootType == nil && !finished) {
            issues.commitHeldBack()
            featureCount += pendingFeatures
        } else {
            issues.discardHeldBack()
            if finished && rootType == GeoJSONType.feature.rawValue { featureCount += 1 }
        }
        pendingFeatures = 0
        return finished
    }

    /// Reads a top-level object member by member (its `{` just read) and checks it at its end; false when
    /// the parser stopped inside it. `type` is set to the root's `type` string as soon as it is read.
    private mutating func checkRootObject(
        line: Int, column: Int, path: String, textIndex: Int?, type rootType: inout String?
    ) -> Bool {
        var members: [JSONMember] = []
        var keyPlaces: [String: (line: Int, column: Int)] = [:]
        var used = 0
        var complete = true
        while true {
            let event = parser.next(into: &issues)
            guard case .key(let key) = event else {
                if case .objectEnd = event { break }
                return false
            }
            let keyLine = parser.tokenLine
            let keyColumn = parser.tokenColumn
            used += JSONTreeBuilder.memberCost + JSONTreeBuilder.containerCost + key.utf8.count
            if complete && used > limits.maxFeatureBytes {
                complete = false
                issues.add(
                    StructureRule.featureTooLarge, .error,
                    "this object's members need more than \(limits.maxFeatureBytes) bytes in memory "
                        + "(JSONLimits.maxFeatureBytes); it is read to its end but not checked",
                    line: line, column: column, path: path, featureIndex: textIndex)
            }
            if !complete {
                members = []
                keyPlaces = [:]
            } else if keyPlaces[key] != nil {
                issues.add(
                    StructureRule.duplicateKey, .error,
                    "member \"\(key.prefix(200))\" appears more than once in this object (again at line \(keyLine), "
                        + "column \(keyColumn)); readers disagree on which value counts (the last one is checked)",
                    line: line, column: column, path: StructurePath.member(path, key), featureIndex: textIndex)
            } else {
                keyPlaces[key] = (keyLine, keyColumn)
            }
            let valueEvent = parser.next(into: &issues)
            if key == "features", case .arrayStart = valueEvent {
                let arrayLine = parser.tokenLine
                let arrayColumn = parser.tokenColumn
                guard streamFeatures(path: StructurePath.member(path, "features"), rootType: rootType) else {
                    return false
                }
                members.append(
                    JSONMember(key: key, value: JSONNode(value: .array([]), line: arrayLine, column: arrayColumn)))
                continue
            }
            if !complete && key != "type" {
                guard parser.skipValue(startingWith: valueEvent, into: &issues) else { return false }
                continue
            }
            // Once the object is over budget only its `type` is still read (with a budget of its own).
            var memberUsed = complete ? used : 0
            let outcome = JSONTreeBuilder.build(
                startingWith: valueEvent, parser: &parser, issues: &issues, budget: limits.maxFeatureBytes,
                used: &memberUsed)
            if complete { used = memberUsed }
            switch outcome {
            case .built(let node):
                if key == "type" {
                    if case .string(let name) = node.value { rootType = name } else { rootType = nil }
                }
                if complete { members.append(JSONMember(key: key, value: node)) }
            case .tooLarge:
                complete = false
                members = []
                keyPlaces = [:]
            case .stopped:
                return false
            }
        }
        if complete {
            let root = GeoJSONObject(JSONNode(value: .object(members), line: line, column: column))!
            let context = RuleContext(featureIndex: textIndex, holdBack: false)
            GeoJSONObjectRules.checkRoot(root, path: { path }, context: context, into: &issues)
        }
        return true
    }

    /// Streams the elements of a `features` array (its `[` just read); false when the parser stopped.
    /// Issues wait for the root's type unless it is already known; with another known type the elements
    /// are only read.
    private mutating func streamFeatures(path: String, rootType: String?) -> Bool {
        let isCollection = rootType == GeoJSONType.featureCollection.rawValue
        let skipChecks = rootType != nil && !isCollection
        var index = 0
        let outerIndex = issues.featureIndex
        defer { issues.featureIndex = outerIndex }
        while true {
            let event = parser.next(into: &issues)
            switch event {
            case .arrayEnd: return true
            case .end, .failed: return false
            default: break
            }
            issues.featureIndex = index
            let context = RuleContext(featureIndex: index, holdBack: !isCollection)
            defer { index += 1 }
            guard case .objectStart = event else {
                if !skipChecks {
                    let element = JSONNode(
                        value: Self.placeholder(for: event), line: parser.tokenLine, column: parser.tokenColumn)
                    GeoJSONObjectRules.reportFeatureNotObject(
                        element, path: { StructurePath.element(path, index) }, context: context, into: &issues)
                }
                guard parser.skipValue(startingWith: event, into: &issues) else { return false }
                continue
            }
            pendingFeatures += 1
            if skipChecks {
                guard parser.skipValue(startingWith: event, into: &issues) else { return false }
                continue
            }
            var used = 0
            switch JSONTreeBuilder.build(
                startingWith: event, parser: &parser, issues: &issues, budget: limits.maxFeatureBytes, used: &used)
            {
            case .built(let node):
                guard let feature = GeoJSONObject(node) else { continue }
                GeoJSONObjectRules.checkFeatureElement(
                    feature, path: { StructurePath.element(path, index) }, context: context, into: &issues)
            case .tooLarge:
                continue
            case .stopped:
                return false
            }
        }
    }

    /// A value of the same JSON type as the one `event` begins, for messages.
    private static func placeholder(for event: JSONEvent) -> JSONValue {
        switch event {
        case .arrayStart: .array([])
        case .string(let text): .string(text)
        case .number(let number): .number(number)
        case .bool(let flag): .bool(flag)
        case .objectStart: .object([])
        default: .null
        }
    }
}

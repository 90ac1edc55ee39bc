/// A pull parser for RFC 8259 JSON over a ``ByteChunkSource``: one token per ``next(into:)``.
///
/// It holds one chunk of input and the stack of open containers, never the document. It tracks line
/// and column, enforces ``JSONLimits`` and reports what is wrong with the text as issues: fatal ones
/// (syntax, depth) stop it, the others (non-finite numbers, bad UTF-8, raw control characters, over-long
/// strings, keys and numbers) let it go on. In sequence mode it reads any number of top-level values,
/// separated by whitespace and the record separator 0x1E (RFC 8142).
struct JSONStreamParser {
    enum ContainerKind { case object, array }

    enum FrameState {
        /// Just after `{` or `[`.
        case start
        /// After a member name and its colon.
        case afterKey
        /// After a member value or an element (also while that value, a container, is open).
        case afterValue
        /// After a comma.
        case afterComma
    }

    /// One open array or object (its current member's name is in `frameKeys`, so that a frame is
    /// trivially copyable).
    struct Frame {
        var kind: ContainerKind
        var state: FrameState
        /// The index of the current element of an array (-1 before the first).
        var index: Int
    }

    let limits: JSONLimits
    let isSequence: Bool
    private let source: ByteChunkSource
    // Internal rather than private where the +Strings and +Numbers extensions need them.
    let base: UnsafeMutablePointer<UInt8>
    /// The next byte is `base[index]`; the chunk ends at `end`.
    var index = 0
    var end = 0
    private var reachedEnd = false
    private var startChecked = false
    /// The current 1-based line and column (Unicode scalars).
    var line = 1
    var column = 1
    /// Where the token last returned by ``next(into:)`` starts.
    private(set) var tokenLine = 1
    private(set) var tokenColumn = 1
    /// Just after the last complete token, for end-of-input messages.
    private var afterTokenLine = 1
    private var afterTokenColumn = 1
    /// The open containers are `frames[0..<depth]`; the arrays never shrink, so that closing a container
    /// costs nothing.
    private var frames: [Frame] = []
    /// The name of the current member of each open object, parallel to `frames`.
    private var frameKeys: [String] = []
    /// The number of open containers.
    private(set) var depth = 0
    /// How many top-level values have begun.
    private(set) var textCount = 0
    /// True once a fatal issue stopped the parser.
    private(set) var hasFailed = false
    /// When false, string values are checked but not kept (``JSONEvent/string(_:)`` carries "").
    var keepsStrings = true

    // Scratch state for the string and number being read.
    var stringBytes: [UInt8] = []
    var stringLength = 0
    var stringLimit = 0
    var stringKeeps = true
    var pendingHighSurrogate: UInt32?
    var stringReported: (utf8: Bool, control: Bool, surrogate: Bool) = (false, false, false)
    var numberBytes: [UInt8] = []

    init(source: ByteChunkSource, limits: JSONLimits, isSequence: Bool) {
        self.source = source
        self.base = source.buffer
        self.limits = limits
        self.isSequence = isSequence
        stringBytes.reserveCapacity(256)
        numberBytes.reserveCapacity(32)
    }

    /// The `errno` of a failed read; the parser then stops without an issue and the caller throws.
    var readErrorCode: Int32? { source.readErrorCode }

    /// The 0-based index of the current top-level value (a sequence's text).
    var textIndex: Int { max(0, textCount - 1) }

    // MARK: - Tokens

    /// Reads the next token, reporting problems with the text into `issues`.
    mutating func next(into issues: inout IssueCollector) -> JSONEvent {
        if hasFailed { return .failed }
        if !startChecked {
            startChecked = true
            if !skipByteOrderMark(&issues) { return .failed }
        }
        while true {
            guard let byte = skipWhitespace() else { return endOfInput(&issues) }
            tokenLine = line
            tokenColumn = column
            let top = depth - 1
            guard top >= 0 else {
                if textCount > 0 && !isSequence {
                    return fail(
                        &issues,
                        "unexpected \(Self.describe(byte)) after the end of the JSON value; a GeoJSON file holds one "
                            + "JSON text (use a .geojsonl/.geojsons name for a GeoJSON Sequence)")
                }
                textCount += 1
                return value(byte, &issues)
            }
            let frame = frames[top]
            switch (frame.kind, frame.state) {
            case (.array, .start):
                if byte == UInt8(ascii: "]") { return closeContainer(.arrayEnd) }
                return value(byte, &issues)
            case (.array, .afterComma):
                if byte == UInt8(ascii: "]") {
                    return fail(&issues, "expected a value after ',', found ']' (trailing commas are not JSON)")
                }
                return value(byte, &issues)
            case (.array, _):
                if byte == UInt8(ascii: ",") {
                    consumeASCII()
                    frames[top].state = .afterComma
                    continue
                }
                if byte == UInt8(ascii: "]") { return closeContainer(.arrayEnd) }
                return fail(&issues, "expected ',' or ']' after an array element, found \(Self.describe(byte))")
            case (.object, .start), (.object, .afterComma):
                if byte == UInt8(ascii: "\"") { return key(&issues) }
                if byte == UInt8(ascii: "}") {
                    if frame.state == .start { return closeContainer(.objectEnd) }
                    return fail(&issues, "expected a member name after ',', found '}' (trailing commas are not JSON)")
                }
                return fail(&issues, "expected a member name in double quotes, found \(Self.describe(byte))")
            case (.object, .afterKey):
                return value(byte, &issues)
            case (.object, .afterValue):
                if byte == UInt8(ascii: ",") {
                    consumeASCII()
                    frames[top].state = .afterComma
                    continue
                }
                if byte == UInt8(ascii: "}") { return closeContainer(.objectEnd) }
                return fail(&issues, "expected ',' or '}' after an object member, found \(Self.describe(byte))")
            }
        }
    }

    /// Reads to the end of the value `first` began (nothing to do for a scalar), keeping no strings.
    /// Returns false when the parser stopped first.
    mutating func skipValue(startingWith first: JSONEvent, into issues: inout IssueCollector) -> Bool {
        switch first {
        case .objectStart, .arrayStart: break
        case .failed, .end: return false
        default: return true
        }
        let target = depth - 1
        let kept = keepsStrings
        keepsStrings = false
        defer { keepsStrings = kept }
        while depth > target {
            switch next(into: &issues) {
            case .failed, .end: return false
            default: continue
            }
        }
        return true
    }

    /// The path of the current place, e.g. `features[2].properties.name`; a sequence's texts start with
    /// `[index]`. `includingCurrentKey` false leaves out the member whose name is being read.
    func currentPath(includingCurrentKey: Bool = true) -> String {
        var path = isSequence ? StructurePath.element("", textIndex) : ""
        // Very deep places show their last 16 levels only.
        let shown = depth > 24 ? depth - 16 : 0
        if shown > 0 { path += "…" }
        for position in shown..<depth {
            let frame = frames[position]
            let isTop = position == depth - 1
            switch frame.kind {
            case .array:
                if frame.index >= 0 { path = StructurePath.element(path, frame.index) }
            case .object:
                let hasKey = frame.state == .afterKey || frame.state == .afterValue
                if hasKey && (!isTop || includingCurrentKey) { path = StructurePath.member(path, frameKeys[position]) }
            }
        }
        return path
    }

    // MARK: - Values

    private mutating func value(_ byte: UInt8, _ issues: inout IssueCollector) -> JSONEvent {
        let top = depth - 1
        if top >= 0 {
            if frames[top].kind == .array { frames[top].index += 1 }
            frames[top].state = .afterValue
        }
        let event: JSONEvent
        switch byte {
        case UInt8(ascii: "{"): return openContainer(.object, &issues)
        case UInt8(ascii: "["): return openContainer(.array, &issues)
        case UInt8(ascii: "\""):
            guard let text = scanString(isKey: false, &issues) else { return .failed }
            event = .string(text)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            event = scanNumber(&issues)
        case UInt8(ascii: "t"): event = literal(Self.trueBytes, .bool(true), &issues)
        case UInt8(ascii: "f"): event = literal(Self.falseBytes, .bool(false), &issues)
        case UInt8(ascii: "n"): event = literal(Self.nullBytes, .null, &issues)
        case UInt8(ascii: "N"), UInt8(ascii: "I"): event = nonFinite(negative: false, &issues)
        default:
            return fail(&issues, "unexpected \(Self.describe(byte)) where a value was expected")
        }
        markTokenEnd()
        return event
    }

    private mutating func openContainer(_ kind: ContainerKind, _ issues: inout IssueCollector) -> JSONEvent {
        guard depth < limits.maxDepth else {
            return fail(
                &issues, "arrays and objects are nested more than \(limits.maxDepth) levels deep; checking stops here",
                rule: StructureRule.depthLimit)
        }
        consumeASCII()
        let frame = Frame(kind: kind, state: .start, index: -1)
        if depth < frames.count {
            frames[depth] = frame
        } else {
            frames.append(frame)
            frameKeys.append("")
        }
        depth += 1
        markTokenEnd()
        return kind == .object ? .objectStart : .arrayStart
    }

    private mutating func closeContainer(_ event: JSONEvent) -> JSONEvent {
        consumeASCII()
        depth -= 1
        markTokenEnd()
        return event
    }

    private mutating func key(_ issues: inout IssueCollector) -> JSONEvent {
        guard let name = scanString(isKey: true, &issues) else { return .failed }
        markTokenEnd()
        let keyLine = tokenLine
        let keyColumn = tokenColumn
        guard let byte = skipWhitespace() else { return endOfInput(&issues) }
        guard byte == UInt8(ascii: ":") else {
            return fail(&issues, "expected ':' after the member name, found \(Self.describe(byte))")
        }
        consumeASCII()
        let top = depth - 1
        frameKeys[top] = name
        frames[top].state = .afterKey
        tokenLine = keyLine
        tokenColumn = keyColumn
        return .key(name)
    }

    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)
    private static let nullBytes = Array("null".utf8)
    private static let nanBytes = Array("NaN".utf8)
    private static let infinityBytes = Array("Infinity".utf8)

    private mutating func literal(_ word: [UInt8], _ event: JSONEvent, _ issues: inout IssueCollector) -> JSONEvent {
        for expected in word {
            guard let byte = peekByte(), byte == expected else {
                let found = peekByte().map(Self.describe) ?? "the end of input"
                let text = String(decoding: word, as: UTF8.self)
                return fail(&issues, "invalid literal: expected '\(text)', found \(found)")
            }
            consumeASCII()
        }
        return event
    }

    /// `NaN`, `Infinity`, `-Infinity` (the `-` already consumed when `negative`).
    mutating func nonFinite(negative: Bool, _ issues: inout IssueCollector) -> JSONEvent {
        let isNaN = !negative && peekByte() == UInt8(ascii: "N")
        let word = isNaN ? Self.nanBytes : Self.infinityBytes
        if case .failed = literal(word, .null, &issues) { return .failed }
        let text = (negative ? "-" : "") + String(decoding: word, as: UTF8.self)
        issues.add(
            StructureRule.nonFiniteNumber, .error,
            "\(text) is not a JSON number (RFC 8259 §6 has no NaN or infinity); write null or leave the member out",
            line: tokenLine, column: tokenColumn, path: currentPath(), featureIndex: issues.featureIndex)
        return .number(isNaN ? .nan : (negative ? -.infinity : .infinity))
    }

    // MARK: - Bytes

    /// Ends with a syntax (or other fatal) issue at the current place; no issue after a read error.
    mutating func fail(
        _ issues: inout IssueCollector, _ message: String, rule: String = StructureRule.syntax, line: Int? = nil,
        column: Int? = nil
    ) -> JSONEvent {
        hasFailed = true
        if source.readErrorCode == nil {
            issues.add(
                rule, .error, message, line: line ?? self.line, column: column ?? self.column, path: currentPath(),
                featureIndex: issues.featureIndex)
        }
        return .failed
    }

    private mutating func endOfInput(_ issues: inout IssueCollector) -> JSONEvent {
        if source.readErrorCode != nil {
            hasFailed = true
            return .failed
        }
        if depth == 0 {
            if textCount > 0 || isSequence { return .end }
            return fail(&issues, "the file holds no JSON value (it is empty or only whitespace)")
        }
        let open = depth == 1 ? "1 array or object is" : "\(depth) arrays or objects are"
        return fail(
            &issues, "unexpected end of input: \(open) still open (the file looks truncated)",
            line: afterTokenLine, column: afterTokenColumn)
    }

    private mutating func skipByteOrderMark(_ issues: inout IssueCollector) -> Bool {
        guard peekByte() == 0xEF else { return true }
        for expected: UInt8 in [0xEF, 0xBB, 0xBF] {
            guard peekByte() == expected else {
                _ = fail(&issues, "invalid byte \(Self.describe(peekByte() ?? 0)) at the start of the file")
                return false
            }
            index += 1
        }
        issues.add(
            StructureRule.byteOrderMark, .warning,
            "the file starts with a UTF-8 byte order mark; RFC 8259 §8.1 says not to add one (it is ignored)",
            line: 1, column: 1, path: "", featureIndex: nil)
        return true
    }

    /// Skips whitespace (and, between the texts of a sequence, record separators); returns the next byte
    /// without consuming it.
    private mutating func skipWhitespace() -> UInt8? {
        while true {
            if index == end && !refill() { return nil }
            let byte = base[index]
            switch byte {
            case 0x20, 0x09, 0x0D:
                index += 1
                column += 1
            case 0x0A:
                index += 1
                line += 1
                column = 1
            case 0x1E where isSequence && depth == 0:
                index += 1
                column += 1
            default:
                return byte
            }
        }
    }

    /// The next byte, reading a chunk when needed; nil at the end of input.
    mutating func peekByte() -> UInt8? {
        if index == end && !refill() { return nil }
        return base[index]
    }

    /// Consumes one byte that is an ASCII character other than a line feed.
    mutating func consumeASCII() {
        index += 1
        column += 1
    }

    mutating func refill() -> Bool {
        guard !reachedEnd else { return false }
        index = 0
        end = source.fill()
        if end == 0 { reachedEnd = true }
        return end > 0
    }

    private mutating func markTokenEnd() {
        afterTokenLine = line
        afterTokenColumn = column
    }

    /// `'x'` for printable ASCII, `a string` for a quote, `byte 0xNN` otherwise.
    static func describe(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "\""): return "a string"
        case 0x21...0x7E: return "'\(Character(Unicode.Scalar(byte)))'"
        default: return "byte " + hex(byte)
        }
    }

    /// `0xNN`.
    static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "0x" + (digits.count == 1 ? "0" : "") + digits
    }
}

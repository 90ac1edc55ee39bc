internal import CLibXML2

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A forward-only, constant-memory XML reader over libxml2's `xmlTextReader`, hardened for
/// untrusted input.
///
/// - Entities: a document whose `<!DOCTYPE>` declares entities, or that contains an entity reference
///   libxml2 did not resolve itself, is refused. External entities and DTDs are never loaded (no
///   `XML_PARSE_NOENT`/`DTDLOAD`/`DTDVALID`, `XML_PARSE_NONET`, a deny-all external entity loader).
/// - libxml2's own safety checks stay on (`XML_PARSE_HUGE` is never set); ``XMLLimits`` adds depth,
///   text, attribute and node-count limits.
/// - libxml2 errors are captured into ``XMLError`` (never printed); the first error ends the document:
///   every later call rethrows it.
///
/// Use one reader from one thread at a time; it is not `Sendable`.
public final class XMLStreamReader {
    private let reader: xmlTextReaderPtr
    private let sink: ErrorSink
    /// The file descriptor read by libxml2 (`init(path:)`), closed in `deinit`.
    private let fileDescriptor: Int32?
    /// The copy of the document that libxml2 reads in place (`init(data:)`), freed in `deinit`.
    private let memory: UnsafeMutableBufferPointer<UInt8>?
    private let name: String
    private let limits: XMLLimits

    /// libxml2's type of the current node; `nil` before the first and after the last node.
    private var currentType: Int32?
    private var failure: XMLError?
    private var finished = false
    private var nodesRead = 0
    /// Swift strings for libxml2's interned (dictionary) names, keyed by their address, which stays
    /// valid and unique for the reader's lifetime.
    private var interned: [UnsafePointer<xmlChar>: String] = [:]
    private static let maxInternedNames = 4096

    /// Opens the file at `path` for streaming; it is read in small chunks, never loaded whole.
    ///
    /// The file is opened with `open(2)` and handed to libxml2 as a descriptor, so `path` is never
    /// interpreted as a URL and compressed files are not inflated. Throws when the file cannot be
    /// opened or is a directory.
    public convenience init(path: String, limits: XMLLimits = .init()) throws(XMLError) {
        ExternalEntityGuard.ensureInstalled()
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw XMLError(file: path, message: "cannot open: \(Self.describeErrno(errno))")
        }
        var status = stat()
        if fstat(fd, &status) != 0 || (status.st_mode & S_IFMT) == S_IFDIR {
            let reason = (status.st_mode & S_IFMT) == S_IFDIR ? "is a directory" : Self.describeErrno(errno)
            close(fd)
            throw XMLError(file: path, message: "cannot open: \(reason)")
        }
        let sink = ErrorSink()
        let created = withErrorsCaptured(by: sink) { xmlReaderForFd(fd, path, nil, readerParserOptions) }
        guard let created else {
            close(fd)
            throw XMLError(
                file: path, line: sink.first?.line,
                message: sink.first?.message ?? "libxml2 could not create a reader")
        }
        try self.init(reader: created, sink: sink, fileDescriptor: fd, memory: nil, name: path, limits: limits)
    }

    /// Reads a document held in memory (a test fixture, a member of a zip archive); `name` is used in
    /// errors in place of a file name. The bytes are copied once.
    public convenience init(data: [UInt8], name: String, limits: XMLLimits = .init()) throws(XMLError) {
        ExternalEntityGuard.ensureInstalled()
        guard data.count <= Int(Int32.max) else {
            throw XMLError(file: name, message: "document of \(data.count) bytes is too large to read from memory")
        }
        // One spare byte holds a NUL after the document: libxml2 reads this memory in place and its
        // buffers are normally NUL-terminated.
        let memory = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: data.count + 1)
        _ = memory.initialize(from: data)
        memory[data.count] = 0
        let sink = ErrorSink()
        let created = withErrorsCaptured(by: sink) {
            memory.baseAddress!.withMemoryRebound(to: CChar.self, capacity: memory.count) {
                xmlReaderForMemory($0, Int32(data.count), name, nil, readerParserOptions)
            }
        }
        guard let created else {
            memory.deallocate()
            throw XMLError(
                file: name, line: sink.first?.line,
                message: sink.first?.message ?? "libxml2 could not create a reader")
        }
        try self.init(reader: created, sink: sink, fileDescriptor: nil, memory: memory, name: name, limits: limits)
    }

    /// Takes ownership of `reader` (and of `fileDescriptor`/`memory`), installs the error handler and
    /// checks that no entity-expanding or DTD-loading parser property is on. On failure it releases
    /// everything it was given.
    private init(
        reader: xmlTextReaderPtr, sink: ErrorSink, fileDescriptor: Int32?,
        memory: UnsafeMutableBufferPointer<UInt8>?, name: String, limits: XMLLimits
    ) throws(XMLError) {
        xmlTextReaderSetStructuredErrorHandler(
            reader, captureStructuredError, Unmanaged.passUnretained(sink).toOpaque())
        // Defence in depth: parser defaults are process-wide (e.g. xmlSubstituteEntitiesDefault), so
        // switch these off explicitly and verify them.
        let unsafeProperties = [
            XML_PARSER_SUBST_ENTITIES, XML_PARSER_LOADDTD, XML_PARSER_DEFAULTATTRS, XML_PARSER_VALIDATE,
        ]
        var unsafeProperty: xmlParserProperties?
        for property in unsafeProperties {
            _ = xmlTextReaderSetParserProp(reader, Int32(property.rawValue), 0)
            if xmlTextReaderGetParserProp(reader, Int32(property.rawValue)) != 0 { unsafeProperty = property }
        }
        if let unsafeProperty {
            xmlFreeTextReader(reader)
            if let fileDescriptor { close(fileDescriptor) }
            memory?.deallocate()
            throw XMLError(
                file: name, message: "libxml2 parser property \(unsafeProperty.rawValue) cannot be turned off")
        }
        self.reader = reader
        self.sink = sink
        self.fileDescriptor = fileDescriptor
        self.memory = memory
        self.name = name
        self.limits = limits
    }

    deinit {
        xmlFreeTextReader(reader)
        if let fileDescriptor { close(fileDescriptor) }
        memory?.deallocate()
    }

    /// The external entity and DTD loads refused by the deny-all loader in this process so far
    /// (expected to stay 0: the parser options never ask for one).
    public static var refusedExternalLoads: Int { ExternalEntityGuard.deniedLoadCount }

    // MARK: Reading

    /// Reads the next node; `nil` at the end of the document.
    ///
    /// Throws on malformed XML, on a refused construct (entity declarations or references) and when
    /// a limit in ``XMLLimits`` is exceeded. After an error every call rethrows it.
    public func next() throws(XMLError) -> XMLNode? {
        guard try advance(), let type = currentType else { return nil }
        return makeNode(type: type)
    }

    /// libxml2's current parser line (`xmlTextReaderGetParserLineNumber`). libxml2 parses a little
    /// ahead of the node last returned, so this can be a few lines past ``XMLNode/line``.
    public var line: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }

    /// The depth of the current node (root element = 0; 0 before the first node).
    public var depth: Int { max(0, Int(xmlTextReaderDepth(reader))) }

    /// The value of the attribute with qualified name `name` (such as `gml:id`) on the current start
    /// element; `nil` if there is no such attribute or the current node is not a start element.
    public func attribute(_ name: String) -> String? {
        guard isOnStartElement else { return nil }
        let found = withXMLChars(name) { xmlTextReaderMoveToAttribute(reader, $0) }
        return found == 1 ? currentAttributeValue() : nil
    }

    /// The value of the attribute `local` in namespace `namespace` (such as `id` in
    /// `http://www.opengis.net/gml`) on the current start element; `nil` if there is none or the
    /// current node is not a start element.
    public func attribute(local: String, namespace: String) -> String? {
        guard isOnStartElement else { return nil }
        let found = withXMLChars(local) { localName in
            withXMLChars(namespace) { xmlTextReaderMoveToAttributeNs(reader, localName, $0) }
        }
        return found == 1 ? currentAttributeValue() : nil
    }

    /// The text content of the current node, bounded by ``XMLLimits/maxTextBytes``.
    ///
    /// On a start element (a `gml:posList`, say) this reads to the element's end tag and returns all
    /// text, CDATA and whitespace inside it, child elements' text included; the end tag is consumed
    /// and ``next()`` continues after it. An empty element gives `""`. On a text, CDATA or whitespace
    /// node it returns that node's text without moving. Any other node is a usage error.
    public func readText() throws(XMLError) -> String {
        if let failure { throw failure }
        guard let type = currentType else {
            throw XMLError(file: name, message: "readText() called with no current node")
        }
        if isText(type) { return currentValue() ?? "" }
        guard type == ReaderType.element else {
            throw XMLError(file: name, line: currentLine(), message: "readText() needs a start element or text node")
        }
        if xmlTextReaderIsEmptyElement(reader) == 1 { return "" }
        let elementName = currentQualifiedName()
        let elementLine = currentLine()
        let startDepth = xmlTextReaderDepth(reader)
        var bytes: [UInt8] = []
        while true {
            guard try advance(), let type = currentType else {
                throw fail(file: name, line: elementLine, element: elementName, "document ended inside the element")
            }
            if type == ReaderType.endElement && xmlTextReaderDepth(reader) == startDepth { break }
            guard isText(type), let value = xmlTextReaderConstValue(reader) else { continue }
            let count = Int(xmlStrlen(value))
            guard bytes.count + count <= limits.maxTextBytes else {
                throw fail(
                    file: name, line: elementLine, element: elementName,
                    "text content exceeds maxTextBytes (\(limits.maxTextBytes) bytes)")
            }
            bytes.append(contentsOf: UnsafeBufferPointer(start: value, count: count))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Skips the current element's subtree: reads (with every check) to its end tag, which is
    /// consumed; ``next()`` continues with the node after it. Like `xmlTextReaderNext`, but done
    /// node by node so the limits and the entity refusal also apply inside the skipped part. Does
    /// nothing on an empty element or a node that is not a start element.
    public func skipSubtree() throws(XMLError) {
        if let failure { throw failure }
        guard isOnStartElement, xmlTextReaderIsEmptyElement(reader) != 1 else { return }
        let elementName = currentQualifiedName()
        let elementLine = currentLine()
        let startDepth = xmlTextReaderDepth(reader)
        while true {
            guard try advance(), let type = currentType else {
                throw fail(file: name, line: elementLine, element: elementName, "document ended inside the element")
            }
            if type == ReaderType.endElement && xmlTextReaderDepth(reader) == startDepth { return }
        }
    }

    // MARK: Internals

    /// libxml2's `xmlReaderTypes` values used here.
    private enum ReaderType {
        static let element = Int32(XML_READER_TYPE_ELEMENT.rawValue)
        static let endElement = Int32(XML_READER_TYPE_END_ELEMENT.rawValue)
        static let text = Int32(XML_READER_TYPE_TEXT.rawValue)
        static let cdata = Int32(XML_READER_TYPE_CDATA.rawValue)
        static let whitespace = Int32(XML_READER_TYPE_WHITESPACE.rawValue)
        static let significantWhitespace = Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue)
        static let comment = Int32(XML_READER_TYPE_COMMENT.rawValue)
        static let processingInstruction = Int32(XML_READER_TYPE_PROCESSING_INSTRUCTION.rawValue)
        static let documentType = Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue)
        static let entityReference = Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue)
        static let endEntity = Int32(XML_READER_TYPE_END_ENTITY.rawValue)
    }

    private var isOnStartElement: Bool { failure == nil && currentType == ReaderType.element }

    private func isText(_ type: Int32) -> Bool {
        type == ReaderType.text || type == ReaderType.cdata || type == ReaderType.whitespace
            || type == ReaderType.significantWhitespace
    }

    /// Records `error` as the reader's final state and returns it for throwing.
    private func fail(_ error: XMLError) -> XMLError {
        failure = error
        currentType = nil
        return error
    }

    private func fail(file: String, line: Int?, element: String?, _ message: String) -> XMLError {
        fail(XMLError(file: file, line: line, element: element, message: message))
    }

    /// Moves libxml2 to the next node and applies every check; `false` at the end of the document.
    private func advance() throws(XMLError) -> Bool {
        if let failure { throw failure }
        if finished { return false }
        let status = withErrorsCaptured(by: sink) { xmlTextReaderRead(reader) }
        if let captured = sink.first {
            throw fail(file: name, line: captured.line ?? line, element: nil, captured.message)
        }
        if status == 0 {
            finished = true
            currentType = nil
            return false
        }
        guard status == 1 else { throw fail(file: name, line: line, element: nil, "malformed XML") }
        nodesRead += 1
        let type = xmlTextReaderNodeType(reader)
        currentType = type
        if let maxNodes = limits.maxNodes, nodesRead > maxNodes {
            throw fail(
                file: name, line: currentLine(), element: currentQualifiedName(),
                "document has more than maxNodes (\(maxNodes)) nodes")
        }
        switch type {
        case ReaderType.element:
            try checkStartElement()
        case ReaderType.text, ReaderType.cdata, ReaderType.whitespace, ReaderType.significantWhitespace:
            let count = xmlTextReaderConstValue(reader).map { Int(xmlStrlen($0)) } ?? 0
            if count > limits.maxTextBytes {
                throw fail(
                    file: name, line: currentLine(), element: parentQualifiedName(),
                    "text node of \(count) bytes exceeds maxTextBytes (\(limits.maxTextBytes))")
            }
        case ReaderType.endElement, ReaderType.comment, ReaderType.processingInstruction:
            break
        case ReaderType.documentType:
            if currentDocumentTypeDeclaresEntities() {
                throw fail(
                    file: name, line: currentLine(), element: nil,
                    "refused: the DOCTYPE declares entities (entity expansion and external entities are not allowed)"
                )
            }
        case ReaderType.entityReference, ReaderType.endEntity:
            throw fail(
                file: name, line: currentLine(), element: parentQualifiedName(),
                "refused: entity reference &\(currentQualifiedName());")
        default:
            throw fail(file: name, line: currentLine(), element: nil, "unsupported XML node type \(type)")
        }
        return true
    }

    private func checkStartElement() throws(XMLError) {
        let nodeDepth = Int(xmlTextReaderDepth(reader))
        if nodeDepth >= limits.maxDepth {
            throw fail(
                file: name, line: currentLine(), element: currentQualifiedName(),
                "element nesting deeper than maxDepth (\(limits.maxDepth))")
        }
        guard xmlTextReaderHasAttributes(reader) == 1 else { return }
        var total = 0
        var more = xmlTextReaderMoveToFirstAttribute(reader)
        while more == 1 {
            total += xmlTextReaderConstValue(reader).map { Int(xmlStrlen($0)) } ?? 0
            more = xmlTextReaderMoveToNextAttribute(reader)
        }
        _ = xmlTextReaderMoveToElement(reader)
        if total > limits.maxAttributeBytes {
            throw fail(
                file: name, line: currentLine(), element: currentQualifiedName(),
                "attribute values of \(total) bytes exceed maxAttributeBytes (\(limits.maxAttributeBytes))")
        }
    }

    /// Whether the current `<!DOCTYPE>` node's internal subset declares general or parameter entities.
    private func currentDocumentTypeDeclaresEntities() -> Bool {
        guard let node = xmlTextReaderCurrentNode(reader) else { return true }
        guard node.pointee.type == XML_DTD_NODE else { return false }
        // The node is an `xmlDtd` (its first fields match `xmlNode`); read the two entity tables as raw
        // memory rather than rebinding the pointer's type.
        let dtd = UnsafeRawPointer(node)
        for table in [\xmlDtd.entities, \xmlDtd.pentities] {
            guard let offset = MemoryLayout<xmlDtd>.offset(of: table) else { return true }
            let hash = dtd.load(fromByteOffset: offset, as: UnsafeMutableRawPointer?.self)
            if let hash, xmlHashSize(OpaquePointer(hash)) != 0 { return true }
        }
        return false
    }

    private func makeNode(type: Int32) -> XMLNode {
        let kind: XMLNode.Kind
        switch type {
        case ReaderType.element: kind = .startElement
        case ReaderType.endElement: kind = .endElement
        case ReaderType.text: kind = .text
        case ReaderType.cdata: kind = .cdata
        case ReaderType.whitespace, ReaderType.significantWhitespace: kind = .whitespace
        case ReaderType.comment: kind = .comment
        case ReaderType.processingInstruction: kind = .processingInstruction
        default: kind = .documentType  // advance() lets no other type through
        }
        return XMLNode(
            kind: kind,
            localName: string(interned: xmlTextReaderConstLocalName(reader)) ?? "",
            namespaceURI: string(interned: xmlTextReaderConstNamespaceUri(reader)),
            qualifiedName: currentQualifiedName(),
            isEmptyElement: type == ReaderType.element && xmlTextReaderIsEmptyElement(reader) == 1,
            line: currentLine(),
            depth: max(0, Int(xmlTextReaderDepth(reader))))
    }

    /// A Swift string for a name from libxml2's dictionary, cached by address.
    private func string(interned pointer: UnsafePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        if let cached = interned[pointer] { return cached }
        let value = String(cString: pointer)
        if interned.count < Self.maxInternedNames { interned[pointer] = value }
        return value
    }

    private func currentQualifiedName() -> String {
        string(interned: xmlTextReaderConstName(reader)) ?? ""
    }

    /// The qualified name of the current node's parent element (for errors about text nodes).
    private func parentQualifiedName() -> String? {
        guard let parent = xmlTextReaderCurrentNode(reader)?.pointee.parent,
            parent.pointee.type == XML_ELEMENT_NODE, let local = parent.pointee.name
        else { return nil }
        let localName = String(cString: local)
        guard let prefix = parent.pointee.ns?.pointee.prefix else { return localName }
        return String(cString: prefix) + ":" + localName
    }

    /// The current node's line as libxml2 recorded it, or the parser line when it did not.
    private func currentLine() -> Int {
        if let node = xmlTextReaderCurrentNode(reader) {
            let recorded = xmlGetLineNo(node)
            if recorded > 0 && recorded != 65535 { return Int(recorded) }
        }
        return line
    }

    private func currentValue() -> String? {
        xmlTextReaderConstValue(reader).map { String(cString: $0) }
    }

    /// Reads the attribute the reader was just moved to, then moves back to its element.
    private func currentAttributeValue() -> String? {
        defer { _ = xmlTextReaderMoveToElement(reader) }
        return currentValue()
    }

    private static func describeErrno(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}

@available(*, unavailable, message: "XMLStreamReader wraps a libxml2 reader that must stay on one thread")
extension XMLStreamReader: Sendable {}

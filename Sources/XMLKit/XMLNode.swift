/// One node reported by ``XMLStreamReader/next()``.
///
/// Names are libxml2's: text nodes are named `#text`, CDATA sections `#cdata-section`, comments
/// `#comment`, processing instructions by their target.
public struct XMLNode: Sendable, Hashable {
    /// The kind of node.
    public enum Kind: Sendable, Hashable {
        /// A start tag, or an empty-element tag (see ``XMLNode/isEmptyElement``).
        case startElement
        /// An end tag. No end element is reported for an empty-element tag such as `<a/>`.
        case endElement
        /// Character data.
        case text
        /// A CDATA section.
        case cdata
        /// Whitespace-only character data that libxml2 kept (most is dropped by `XML_PARSE_NONBLANKS`).
        case whitespace
        /// A comment.
        case comment
        /// A processing instruction; ``XMLNode/localName`` is its target.
        case processingInstruction
        /// A `<!DOCTYPE>` without entity declarations (one that declares entities is refused).
        case documentType
    }

    /// The kind of node.
    public var kind: Kind
    /// The local name (`posList` for `gml:posList`).
    public var localName: String
    /// The namespace URI of an element, `nil` when it has none or for other kinds of node.
    public var namespaceURI: String?
    /// The qualified name as written (`gml:posList`).
    public var qualifiedName: String
    /// `true` for an empty-element tag such as `<a/>`, which has no matching ``Kind/endElement``.
    public var isEmptyElement: Bool
    /// The node's 1-based line as libxml2 recorded it: for an element, the line on which its start tag
    /// ends (also for its end element); for text, where the text was read. libxml2 2.9 stores element
    /// lines only up to 65 534; past that the parser's current line, which may be a few lines ahead,
    /// is used instead.
    public var line: Int
    /// The nesting depth; the root element is at depth 0.
    public var depth: Int

    /// Creates a node; ``XMLStreamReader`` builds these.
    public init(
        kind: Kind, localName: String, namespaceURI: String?, qualifiedName: String,
        isEmptyElement: Bool, line: Int, depth: Int
    ) {
        self.kind = kind
        self.localName = localName
        self.namespaceURI = namespaceURI
        self.qualifiedName = qualifiedName
        self.isEmptyElement = isEmptyElement
        self.line = line
        self.depth = depth
    }
}

/// Resource limits that ``XMLStreamReader`` enforces on every document.
///
/// libxml2 2.9.14 adds its own fixed limits because `XML_PARSE_HUGE` is never set: one text node,
/// one attribute value and the parser's look-ahead are each capped at 10 000 000 bytes, names at
/// 50 000 bytes and element nesting at 256 levels. A limit here set above one of those therefore never
/// triggers for that case; `maxTextBytes` still bounds ``XMLStreamReader/readText()``, which joins
/// several text nodes.
public struct XMLLimits: Sendable, Hashable {
    /// Maximum element nesting: an element with ``XMLNode/depth`` (root = 0) of `maxDepth` or more
    /// is refused.
    public var maxDepth: Int
    /// Maximum bytes (UTF-8) of one text, CDATA or whitespace node, and of the string that
    /// ``XMLStreamReader/readText()`` returns.
    public var maxTextBytes: Int
    /// Maximum number of nodes read from the document (every node libxml2 reports, end elements
    /// and nodes inside skipped or text-read subtrees included); `nil` means no limit.
    public var maxNodes: Int?
    /// Maximum total bytes (UTF-8) of the attribute values, namespace declarations included, on one
    /// start tag.
    public var maxAttributeBytes: Int

    /// Creates limits; the defaults suit CityGML (256 levels, 64 MiB of text, 1 MiB of attributes).
    public init(
        maxDepth: Int = 256, maxTextBytes: Int = 64 << 20, maxNodes: Int? = nil,
        maxAttributeBytes: Int = 1 << 20
    ) {
        self.maxDepth = maxDepth
        self.maxTextBytes = maxTextBytes
        self.maxNodes = maxNodes
        self.maxAttributeBytes = maxAttributeBytes
    }
}

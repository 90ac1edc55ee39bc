import XMLKit

/// Limits for S3's small XML answers: shallow, short texts, a bounded number of nodes.
enum S3XMLReading {
    static let limits = XMLLimits(maxDepth: 16, maxTextBytes: 1 << 20, maxNodes: 2_000_000, maxAttributeBytes: 4096)

    /// Calls `visit` with each start element's local name and depth; `visit` may read the element's text.
    static func forEachElement(
        in xml: [UInt8], name: String, _ visit: (_ node: XMLNode, _ reader: XMLStreamReader) throws(XMLError) -> Void
    ) throws(XMLError) {
        let reader = try XMLStreamReader(data: xml, name: name, limits: limits)
        while let node = try reader.next() {
            try visit(node, reader)
        }
    }
}

import XMLKit

/// The `Code`, `Message` and `RequestId` of an S3 `<Error>` document; all nil when the body is empty or not
/// such a document.
struct S3ErrorDocument {
    var code: String?
    var message: String?
    var requestID: String?

    /// Reads `xml`, ignoring anything it cannot parse.
    init(xml: [UInt8]) {
        guard !xml.isEmpty else { return }
        var fields: [String: String] = [:]
        try? S3XMLReading.forEachElement(in: xml, name: "S3 error") { (node, reader) throws(XMLError) in
            guard node.kind == .startElement, node.depth == 1,
                ["Code", "Message", "RequestId"].contains(node.localName)
            else { return }
            fields[node.localName] = try reader.readText().trimmed
        }
        code = fields["Code"].flatMap { $0.isEmpty ? nil : $0 }
        message = fields["Message"]
        requestID = fields["RequestId"]
    }
}

import XMLKit

/// One page of a `ListObjectsV2` answer (`ListBucketResult`).
struct ListObjectsPage {
    /// The objects on this page.
    var objects: [S3ObjectInfo] = []
    /// Whether more pages follow.
    var isTruncated = false
    /// The token for the next page.
    var nextContinuationToken: String?

    /// Parses the `ListBucketResult` document `xml`.
    init(xml: [UInt8]) throws(XMLError) {
        var key: String?
        var size: Int64?
        var eTag: String?
        var sawRoot = false
        try S3XMLReading.forEachElement(in: xml, name: "ListBucketResult") { (node, reader) throws(XMLError) in
            switch (node.kind, node.depth, node.localName) {
            case (.startElement, 0, let name):
                guard name == "ListBucketResult" else {
                    throw XMLError(file: "ListObjectsV2", element: name, message: "expected <ListBucketResult>")
                }
                sawRoot = true
            case (.startElement, 1, "Contents"):
                (key, size, eTag) = (nil, nil, nil)
            case (.startElement, 1, "IsTruncated"):
                isTruncated = try reader.readText().trimmed == "true"
            case (.startElement, 1, "NextContinuationToken"):
                nextContinuationToken = try reader.readText()
            case (.startElement, 2, "Key"):
                key = try reader.readText()
            case (.startElement, 2, "Size"):
                size = Int64(try reader.readText().trimmed)
            case (.startElement, 2, "ETag"):
                eTag = try reader.readText()
            case (.endElement, 1, "Contents"):
                guard let key, let size else {
                    throw XMLError(
                        file: "ListObjectsV2", line: node.line, element: "Contents", message: "no Key or Size")
                }
                objects.append(S3ObjectInfo(key: key, size: size, eTag: eTag ?? ""))
            default:
                break
            }
        }
        guard sawRoot else { throw XMLError(file: "ListObjectsV2", message: "empty answer") }
    }
}

import Foundation
import Testing
import XMLKit

@testable import CityBundleS3

@Suite("S3 XML answers")
struct S3XMLTests {
    @Test("ListBucketResult: objects, quoted ETags, truncation and the continuation token")
    func listPage() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
              <Name>bucket</Name><Prefix>p/</Prefix><KeyCount>2</KeyCount><MaxKeys>2</MaxKeys>
              <IsTruncated>true</IsTruncated>
              <NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</NextContinuationToken>
              <Contents><Key>p/a &amp; b.json</Key><LastModified>2026-11-25T00:00:00.000Z</LastModified>
                <ETag>&quot;9b2cf535f27731c974343645a3985328&quot;</ETag><Size>12</Size>
                <StorageClass>STANDARD</StorageClass></Contents>
              <Contents><Key>p/big.tar.gz</Key><ETag>"abc-3"</ETag><Size>26214400</Size></Contents>
            </ListBucketResult>
            """
        let page = try ListObjectsPage(xml: Array(xml.utf8))
        #expect(
            page.objects == [
                S3ObjectInfo(key: "p/a & b.json", size: 12, eTag: "9b2cf535f27731c974343645a3985328"),
                S3ObjectInfo(key: "p/big.tar.gz", size: 26_214_400, eTag: "abc-3"),
            ])
        #expect(page.isTruncated)
        #expect(page.nextContinuationToken == "1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=")

        let last = try ListObjectsPage(
            xml: Array(
                "<ListBucketResult><IsTruncated>false</IsTruncated><KeyCount>0</KeyCount></ListBucketResult>".utf8))
        #expect(last.objects.isEmpty && !last.isTruncated && last.nextContinuationToken == nil)
    }

    @Test("A listing that is not a ListBucketResult, or is malformed, is refused")
    func badListing() {
        #expect(throws: XMLError.self) { try ListObjectsPage(xml: Array("<Error><Code>X</Code></Error>".utf8)) }
        #expect(throws: XMLError.self) { try ListObjectsPage(xml: Array("<ListBucketResult><Contents>".utf8)) }
        #expect(throws: XMLError.self) {
            try ListObjectsPage(
                xml: Array("<ListBucketResult><Contents><Size>1</Size></Contents></ListBucketResult>".utf8))
        }
        let entity = """
            <?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]><ListBucketResult>&e;</ListBucketResult>
            """
        #expect(throws: XMLError.self) { try ListObjectsPage(xml: Array(entity.utf8)) }
    }

    @Test("Error documents: Code, Message, RequestId; anything else gives nils")
    func errorDocument() {
        let document = S3ErrorDocument(
            xml: Array(
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match</Message>
                <StringToSign>AWS4-HMAC-SHA256</StringToSign><RequestId>4442587FB7D0A2F9</RequestId></Error>
                """.utf8))
        #expect(document.code == "SignatureDoesNotMatch")
        #expect(document.message == "The request signature we calculated does not match")
        #expect(document.requestID == "4442587FB7D0A2F9")
        for body in ["", "not xml", "<html><body>502 Bad Gateway</body></html>"] {
            let parsed = S3ErrorDocument(xml: Array(body.utf8))
            #expect(parsed.code == nil && parsed.message == nil)
        }
    }

    @Test("S3Error says what failed where and what to do")
    func errorDescription() {
        let error = S3Error(
            operation: "PutObject", bucket: "b", key: "p/k.json",
            failure: .http(status: 403, code: "SignatureDoesNotMatch", message: "does not match", requestID: "R1"),
            attempts: 1)
        #expect(
            error.description
                == "S3 PutObject s3://b/p/k.json failed after 1 attempt: HTTP 403 SignatureDoesNotMatch: does not match (request id R1); check AWS_SECRET_ACCESS_KEY (and AWS_REGION, and that the clock is right)"
        )
        #expect(error.code == "SignatureDoesNotMatch" && error.status == 403)
        let transport = S3Error(
            operation: "ListObjectsV2", bucket: "b", key: nil, failure: .transport("refused"), attempts: 3)
        #expect(transport.description.contains("after 3 attempts: no answer: refused; check that the endpoint"))
    }
}

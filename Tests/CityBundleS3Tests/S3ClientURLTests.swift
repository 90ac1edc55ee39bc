import Foundation
import NIOHTTP1
import Testing

@testable import CityBundleS3

@Suite("S3 client URLs")
struct S3ClientURLTests {
    private func client(_ endpoint: String, style: S3Configuration.AddressingStyle, bucket: String = "bucket")
        -> S3Client
    {
        S3Client(
            bucket: bucket,
            configuration: S3Configuration(
                endpoint: S3Endpoint(endpoint)!, region: "us-east-1",
                credentials: SigV4Credentials(accessKeyID: "A", secretAccessKey: "S"), addressingStyle: style,
                isCustomEndpoint: style == .path))
    }

    @Test("Path-style and virtual-hosted URLs; keys encoded once, query values encoded")
    func urls() async {
        let path = client("http://127.0.0.1:57480", style: .path)
        let virtual = client("https://s3.eu-west-1.amazonaws.com", style: .virtualHosted)
        let dotted = client("https://s3.eu-west-1.amazonaws.com", style: .virtualHosted, bucket: "data.example")
        let object = S3Request(operation: "GetObject", method: .GET, key: "p/a b+ሴ.json")
        #expect(path.url(for: object) == "http://127.0.0.1:57480/bucket/p/a%20b%2B%E1%88%B4.json")
        #expect(virtual.url(for: object) == "https://bucket.s3.eu-west-1.amazonaws.com/p/a%20b%2B%E1%88%B4.json")
        #expect(dotted.url(for: object) == "https://s3.eu-west-1.amazonaws.com/data.example/p/a%20b%2B%E1%88%B4.json")
        let list = S3Request(
            operation: "ListObjectsV2", method: .GET,
            query: [("list-type", "2"), ("prefix", "a b/"), ("continuation-token", "x/y=")])
        #expect(
            path.url(for: list)
                == "http://127.0.0.1:57480/bucket?list-type=2&prefix=a%20b%2F&continuation-token=x%2Fy%3D")
        #expect(
            virtual.url(for: S3Request(operation: "CreateBucket", method: .PUT))
                == "https://bucket.s3.eu-west-1.amazonaws.com/")
        for client in [path, virtual, dotted] { await client.shutdown() }
    }
}

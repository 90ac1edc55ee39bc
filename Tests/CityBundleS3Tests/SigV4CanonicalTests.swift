import CityBundleS3
import Foundation
import Testing

/// The canonicalisation rules beyond AWS's vectors: S3 paths, query encoding, added headers, secrets.
@Suite("SigV4: canonical forms")
struct SigV4CanonicalTests {
    let date = Date(timeIntervalSince1970: 1_440_938_160)
    let credentials = SigV4Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "very-secret-key/+=")

    private func canonicalLines(service: String, url: String, headers: [SigV4Request.Header] = []) -> [Substring] {
        SigV4Signer(credentials: credentials, region: "us-east-1", service: service)
            .canonicalRequest(SigV4Request(method: "GET", url: url, headers: headers), date: date)
            .split(separator: "\n", omittingEmptySubsequences: false)
    }

    @Test("S3 paths are encoded once and never normalised")
    func s3Paths() {
        #expect(
            canonicalLines(service: "s3", url: "http://h/b/dir/hello%20world%2B1.txt")[1]
                == "/b/dir/hello%20world%2B1.txt")
        #expect(canonicalLines(service: "s3", url: "http://h/b/a b+ሴ")[1] == "/b/a%20b%2B%E1%88%B4")
        #expect(canonicalLines(service: "s3", url: "http://h/b//x/./y/../z")[1] == "/b//x/./y/../z")
        #expect(canonicalLines(service: "s3", url: "http://h")[1] == "/")
    }

    @Test("Other services normalise the path and encode it a second time")
    func doubleEncoding() {
        #expect(canonicalLines(service: "es", url: "http://h/a%20b/./c/../d")[1] == "/a%2520b/d")
        let options = SigV4Signer.Options(normalizesAndDoubleEncodesPath: false, sendsContentSHA256: false)
        let signer = SigV4Signer(credentials: credentials, region: "r", service: "es", options: options)
        #expect(
            signer.canonicalRequest(SigV4Request(method: "GET", url: "http://h/a%20b/./c"), date: date)
                .split(separator: "\n")[1] == "/a%20b/./c")
    }

    @Test("Query parameters: decoded, encoded again, sorted by name then value; a bare name gets '='")
    func query() {
        let line = canonicalLines(
            service: "s3", url: "http://h/b?prefix=a%2Fb c&continuation-token=1%2F2%3D%3D&list-type=2&acl&a=2&a=1")[2]
        #expect(line == "a=1&a=2&acl=&continuation-token=1%2F2%3D%3D&list-type=2&prefix=a%2Fb%20c")
    }

    @Test("S3 requests carry x-amz-content-sha256, temporary credentials x-amz-security-token; both are signed")
    func s3Headers() {
        var temporary = credentials
        temporary.sessionToken = "token-123"
        let signer = SigV4Signer(credentials: temporary, region: "eu-west-1", service: "s3")
        let signed = signer.sign(
            SigV4Request(
                method: "PUT", url: "https://b.s3.eu-west-1.amazonaws.com/k",
                headers: [
                    SigV4Request.Header("Content-Type", "text/plain"),
                    SigV4Request.Header("X-Amz-Date", "19700101T000000Z"),
                    SigV4Request.Header("Authorization", "stale"),
                ],
                payloadSHA256: SigV4Request.unsignedPayload),
            date: date)
        #expect(
            signed.headersToAdd.map(\.name) == [
                "host", "x-amz-date", "x-amz-content-sha256", "x-amz-security-token", "authorization",
            ])
        #expect(signed.headersToAdd[1].value == "20150830T123600Z")
        #expect(signed.headersToAdd[2].value == "UNSIGNED-PAYLOAD")
        #expect(
            signed.signedHeaders == "content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token")
        #expect(signed.canonicalRequest.hasSuffix("\nUNSIGNED-PAYLOAD"))
        #expect(!signed.canonicalRequest.contains("stale") && !signed.canonicalRequest.contains("19700101"))
    }

    @Test("The secret never shows: description, debugDescription, dump, signature steps")
    func secretRedacted() {
        var temporary = credentials
        temporary.sessionToken = "session-token-value"
        var dumped = ""
        dump(temporary, to: &dumped)
        let signed = SigV4Signer(credentials: temporary, region: "us-east-1", service: "s3")
            .sign(SigV4Request(method: "GET", url: "https://h/"), date: date)
        for text in [
            temporary.description, temporary.debugDescription, dumped, String(describing: temporary),
            String(reflecting: temporary), signed.canonicalRequest, signed.stringToSign, signed.authorization,
        ] {
            #expect(!text.contains("very-secret-key"), "\(text)")
        }
        #expect(!temporary.description.contains("session-token-value"))
        #expect(!dumped.contains("session-token-value"))
    }
}

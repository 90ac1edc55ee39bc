import CityBundleS3
import Foundation
import Testing

/// AWS's SigV4 test suite (see `SigV4SuiteVectors.swift` for the source of each vector).
@Suite("SigV4: AWS test suite")
struct SigV4SuiteTests {
    @Test("Canonical request and Authorization header match AWS's", arguments: SigV4SuiteVector.all)
    func vector(_ vector: SigV4SuiteVector) {
        var credentials = SigV4SuiteVector.credentials
        credentials.sessionToken = vector.sessionToken
        let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "service")
        let request = SigV4Request(
            method: vector.method, url: vector.url, headers: vector.headers, payloadSHA256: vector.payloadSHA256)
        let signed = signer.sign(request, date: SigV4SuiteVector.date)
        #expect(signed.canonicalRequest == vector.canonicalRequest)
        #expect(signer.canonicalRequest(request, date: SigV4SuiteVector.date) == vector.canonicalRequest)
        #expect(signed.authorization == vector.authorization)
        #expect(signed.headersToAdd.last == SigV4Request.Header("authorization", vector.authorization))
    }

    @Test("get-vanilla step by step: string to sign and signature")
    func vanillaSteps() {
        let signer = SigV4Signer(credentials: SigV4SuiteVector.credentials, region: "us-east-1", service: "service")
        let canonical = """
            GET
            /

            host:example.amazonaws.com
            x-amz-date:20150830T123600Z

            host;x-amz-date
            e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            """
        let stringToSign = signer.stringToSign(canonicalRequest: canonical, date: SigV4SuiteVector.date)
        // get-vanilla.sts from the suite.
        #expect(
            stringToSign == """
                AWS4-HMAC-SHA256
                20150830T123600Z
                20150830/us-east-1/service/aws4_request
                bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63
                """)
        #expect(
            signer.signature(stringToSign: stringToSign, date: SigV4SuiteVector.date)
                == "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
    }

    @Test("Headers to add: host from the URL when missing, x-amz-date, no x-amz-content-sha256 outside S3")
    func addedHeaders() {
        let signer = SigV4Signer(credentials: SigV4SuiteVector.credentials, region: "us-east-1", service: "service")
        let signed = signer.sign(
            SigV4Request(method: "GET", url: "https://example.amazonaws.com:8443/"), date: SigV4SuiteVector.date)
        #expect(signed.headersToAdd.map(\.name) == ["host", "x-amz-date", "authorization"])
        #expect(signed.headersToAdd.first?.value == "example.amazonaws.com:8443")
        #expect(signed.signedHeaders == "host;x-amz-date")
    }
}

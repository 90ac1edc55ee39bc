import CityBundleS3
import Foundation

/// One request of AWS's SigV4 test suite, with the canonical request and `Authorization` header AWS published.
struct SigV4SuiteVector: Sendable, CustomStringConvertible {
    let name: String
    let method: String
    /// `https://example.amazonaws.com` + the path and query as in the suite's `.req` file.
    let url: String
    let headers: [SigV4Request.Header]
    let payloadSHA256: String
    let canonicalRequest: String
    let authorization: String
    var sessionToken: String? = nil

    var description: String { name }

    /// The suite's credentials, region, service and date.
    static let credentials = SigV4Credentials(
        accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    static let date = Date(timeIntervalSince1970: 1_440_938_160)  // 2015-08-30T12:36:00Z
    static let emptySHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    static let stsToken =
        "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA=="

    /// `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=…,
    /// Signature=…`.
    static func authorization(_ signedHeaders: String, _ signature: String) -> String {
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
            + "SignedHeaders=\(signedHeaders), Signature=\(signature)"
    }

    /// A GET or POST to `example.amazonaws.com` with `Host` and `X-Amz-Date` plus `extraHeaders`.
    static func vector(
        _ name: String, _ pathAndQuery: String, method: String = "GET", extraHeaders: [SigV4Request.Header] = [],
        payloadSHA256: String = emptySHA256, canonicalRequest: String, signedHeaders: String = "host;x-amz-date",
        signature: String, sessionToken: String? = nil
    ) -> SigV4SuiteVector {
        SigV4SuiteVector(
            name: name, method: method, url: "https://example.amazonaws.com" + pathAndQuery,
            headers: [SigV4Request.Header("Host", "example.amazonaws.com")] + extraHeaders
                + [SigV4Request.Header("X-Amz-Date", "20150830T123600Z")],
            payloadSHA256: payloadSHA256, canonicalRequest: canonicalRequest,
            authorization: authorization(signedHeaders, signature), sessionToken: sessionToken)
    }
}

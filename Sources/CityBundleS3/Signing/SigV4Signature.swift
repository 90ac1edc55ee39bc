/// The result of signing one request, with every intermediate step for checks and debugging.
public struct SigV4Signature: Sendable, Hashable {
    /// The canonical request (step 1).
    public var canonicalRequest: String
    /// The string to sign (step 2).
    public var stringToSign: String
    /// The lower-case hex HMAC-SHA256 signature (step 3).
    public var signature: String
    /// The `Authorization` header value.
    public var authorization: String
    /// The lower-case names of the signed headers, `;`-joined as in `Authorization`.
    public var signedHeaders: String
    /// The headers to add to the request: `host` when the request had none, `x-amz-date`,
    /// `x-amz-content-sha256` (S3), `x-amz-security-token` (temporary credentials) and `authorization`.
    public var headersToAdd: [SigV4Request.Header]
}

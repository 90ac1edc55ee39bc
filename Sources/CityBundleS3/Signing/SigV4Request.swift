/// The parts of an HTTP request that SigV4 signs.
public struct SigV4Request: Sendable, Hashable {
    /// One header as it will be sent; names are case-insensitive, repeated names are allowed.
    public struct Header: Sendable, Hashable {
        /// The header name in any case.
        public var name: String
        /// The value as sent.
        public var value: String

        /// A header from its name and value.
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The payload hash that tells S3 not to check the body (`x-amz-content-sha256: UNSIGNED-PAYLOAD`).
    public static let unsignedPayload = "UNSIGNED-PAYLOAD"
    /// The SHA-256 hex of an empty body.
    public static let emptyPayloadSHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    /// The method, upper case (`GET`).
    public var method: String
    /// `scheme://host[:port]/path?query` with the path and query exactly as they go on the wire.
    public var url: String
    /// The headers to sign. `Host` is taken from `url` when missing; `x-amz-date`, `x-amz-content-sha256`,
    /// `x-amz-security-token` and `Authorization` given here are replaced by the signer's.
    public var headers: [Header]
    /// The lower-case SHA-256 hex of the body, or ``unsignedPayload``.
    public var payloadSHA256: String

    /// A request to sign.
    public init(method: String, url: String, headers: [Header] = [], payloadSHA256: String = emptyPayloadSHA256) {
        self.method = method
        self.url = url
        self.headers = headers
        self.payloadSHA256 = payloadSHA256
    }
}

import Crypto
public import Foundation

/// AWS Signature Version 4 (`AWS4-HMAC-SHA256`) for request headers.
///
/// Each step is public so tests can compare it with AWS's published examples: ``canonicalRequest(_:date:)``,
/// ``stringToSign(canonicalRequest:date:)`` and ``signature(stringToSign:date:)``; ``sign(_:date:)`` runs them all.
public struct SigV4Signer: Sendable {
    /// How the canonical request is built for one service.
    public struct Options: Sendable, Hashable {
        /// Remove `.`/`..` and empty path segments, then percent-encode the path as sent a second time
        /// (every service but S3). When off, each path segment is encoded exactly once and never normalised (S3).
        public var normalizesAndDoubleEncodesPath: Bool
        /// Send and sign `x-amz-content-sha256` with the payload hash (S3 requires it).
        public var sendsContentSHA256: Bool

        /// Options from their parts.
        public init(normalizesAndDoubleEncodesPath: Bool, sendsContentSHA256: Bool) {
            self.normalizesAndDoubleEncodesPath = normalizesAndDoubleEncodesPath
            self.sendsContentSHA256 = sendsContentSHA256
        }

        /// S3's rules for `s3`, the general rules for any other service.
        public static func defaults(forService service: String) -> Options {
            let isS3 = service == "s3"
            return Options(normalizesAndDoubleEncodesPath: !isS3, sendsContentSHA256: isS3)
        }
    }

    /// The algorithm name in the string to sign and the `Authorization` header.
    public static let algorithm = "AWS4-HMAC-SHA256"

    /// The key pair (and session token) requests are signed with.
    public let credentials: SigV4Credentials
    /// The region in the credential scope (`us-east-1`).
    public let region: String
    /// The service in the credential scope (`s3`).
    public let service: String
    /// The canonicalisation rules.
    public let options: Options

    /// A signer for `service` in `region`; `options` default to that service's rules.
    public init(credentials: SigV4Credentials, region: String, service: String, options: Options? = nil) {
        self.credentials = credentials
        self.region = region
        self.service = service
        self.options = options ?? .defaults(forService: service)
    }

    /// Signs `request` at `date`: the headers to add and every intermediate step.
    public func sign(_ request: SigV4Request, date: Date) -> SigV4Signature {
        let prepared = prepare(request, date: date)
        let canonical = prepared.canonicalRequest
        let toSign = stringToSign(canonicalRequest: canonical, date: date)
        let signature = signature(stringToSign: toSign, date: date)
        let authorization =
            "\(Self.algorithm) Credential=\(credentials.accessKeyID)/\(scope(date)), "
            + "SignedHeaders=\(prepared.signedHeaders), Signature=\(signature)"
        return SigV4Signature(
            canonicalRequest: canonical, stringToSign: toSign, signature: signature, authorization: authorization,
            signedHeaders: prepared.signedHeaders,
            headersToAdd: prepared.added + [SigV4Request.Header("authorization", authorization)])
    }

    /// Step 1: method, canonical URI, canonical query, canonical headers, signed headers and payload hash, one
    /// per line, for `request` with the headers the signer adds at `date`.
    public func canonicalRequest(_ request: SigV4Request, date: Date) -> String {
        prepare(request, date: date).canonicalRequest
    }

    /// Step 2: the algorithm, the timestamp, the credential scope and the SHA-256 hex of the canonical request.
    public func stringToSign(canonicalRequest: String, date: Date) -> String {
        let hash = HexEncoding.lowercase(SHA256.hash(data: Data(canonicalRequest.utf8)))
        return [Self.algorithm, AMZDate(date).timestamp, scope(date), hash].joined(separator: "\n")
    }

    /// Step 3: the lower-case hex HMAC-SHA256 of the string to sign with the key derived for the day, region
    /// and service.
    public func signature(stringToSign: String, date: Date) -> String {
        var key = SymmetricKey(data: Data(("AWS4" + credentials.secretAccessKey).utf8))
        for part in [AMZDate(date).day, region, service, "aws4_request"] {
            key = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data(part.utf8), using: key)))
        }
        return HexEncoding.lowercase(HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: key))
    }

    /// `20150830/us-east-1/service/aws4_request`.
    public func scope(_ date: Date) -> String {
        "\(AMZDate(date).day)/\(region)/\(service)/aws4_request"
    }

    /// The canonical request with the headers the signer adds.
    private func prepare(_ request: SigV4Request, date: Date) -> (
        canonicalRequest: String, signedHeaders: String, added: [SigV4Request.Header]
    ) {
        let parts = SigV4URL(request.url)
        let replaced: Set<String> = ["x-amz-date", "x-amz-content-sha256", "x-amz-security-token", "authorization"]
        var headers = request.headers.filter { !replaced.contains($0.name.lowercased()) }
        var added: [SigV4Request.Header] = []
        if !headers.contains(where: { $0.name.lowercased() == "host" }) {
            added.append(SigV4Request.Header("host", parts.authority))
        }
        added.append(SigV4Request.Header("x-amz-date", AMZDate(date).timestamp))
        if options.sendsContentSHA256 {
            added.append(SigV4Request.Header("x-amz-content-sha256", request.payloadSHA256))
        }
        if let token = credentials.sessionToken {
            added.append(SigV4Request.Header("x-amz-security-token", token))
        }
        headers += added
        let canonicalHeaders = SigV4Canonical.headers(headers)
        let canonical = [
            request.method.uppercased(),
            SigV4Canonical.uri(parts.path, normalizingAndEncodingTwice: options.normalizesAndDoubleEncodesPath),
            SigV4Canonical.query(parts.query),
            canonicalHeaders.block,
            canonicalHeaders.signedNames,
            request.payloadSHA256,
        ].joined(separator: "\n")
        return (canonical, canonicalHeaders.signedNames, added)
    }
}

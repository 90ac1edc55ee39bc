/// How to reach an S3-compatible service: endpoint, region, credentials and addressing style.
///
/// `description` never shows the secret access key or the session token.
public struct S3Configuration: Sendable, Hashable, CustomStringConvertible {
    /// Whether the bucket goes into the host name or the path.
    public enum AddressingStyle: String, Sendable, Hashable {
        /// `https://bucket.s3.region.amazonaws.com/key` (AWS's default).
        case virtualHosted = "virtual-hosted"
        /// `http://host:port/bucket/key` (MinIO, Ceph RGW, Garage and most local servers).
        case path
    }

    /// The service endpoint, without the bucket.
    public var endpoint: S3Endpoint
    /// The signing region (`us-east-1`).
    public var region: String
    /// The key pair requests are signed with.
    public var credentials: SigV4Credentials
    /// Virtual-hosted or path-style requests.
    public var addressingStyle: AddressingStyle
    /// Whether `endpoint` came from `AWS_ENDPOINT_URL_S3` / `AWS_ENDPOINT_URL` rather than AWS's default.
    public var isCustomEndpoint: Bool

    /// A configuration from its parts.
    public init(
        endpoint: S3Endpoint, region: String, credentials: SigV4Credentials, addressingStyle: AddressingStyle,
        isCustomEndpoint: Bool
    ) {
        self.endpoint = endpoint
        self.region = region
        self.credentials = credentials
        self.addressingStyle = addressingStyle
        self.isCustomEndpoint = isCustomEndpoint
    }

    /// AWS's regional endpoint, `https://s3.<region>.amazonaws.com`.
    public static func awsEndpoint(region: String) -> S3Endpoint? {
        S3Endpoint("https://s3.\(region).amazonaws.com")
    }

    /// `endpoint, region, addressing, access key (secret redacted)`.
    public var description: String {
        "S3 endpoint \(endpoint), region \(region), \(addressingStyle.rawValue) addressing, \(credentials)"
    }
}

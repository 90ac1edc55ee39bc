import AsyncHTTPClient
public import Foundation
import NIOCore
import NIOHTTP1

/// SigV4-signed requests to one bucket of S3 or an S3-compatible service (Ceph RGW, MinIO, Garage…).
///
/// Every request is idempotent and retried (see ``S3ClientOptions``). Failures throw ``S3Error``. Call
/// ``shutdown()`` when done.
public final class S3Client: S3ObjectStore {
    /// The endpoint, region, credentials and addressing style.
    public let configuration: S3Configuration
    /// The bucket every request goes to.
    public let bucket: String
    /// Timeouts, retries and page size.
    public let options: S3ClientOptions
    let http: HTTPClient
    let signer: SigV4Signer

    /// A client for `bucket` (a valid bucket name, see ``S3Location``).
    public init(bucket: String, configuration: S3Configuration, options: S3ClientOptions = S3ClientOptions()) {
        self.bucket = bucket
        self.configuration = configuration
        self.options = options
        signer = SigV4Signer(credentials: configuration.credentials, region: configuration.region, service: "s3")
        var http = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: HTTPClient.Configuration.Timeout(
                connect: TimeAmount(options.connectTimeout), read: TimeAmount(options.readTimeout)))
        // A failed connection fails the attempt at once, so S3RetryPolicy's attempts and backoff apply to it too
        // (instead of the pool retrying silently until the connect timeout).
        http.connectionPool.retryConnectionEstablishment = false
        self.http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: http)
    }

    /// Uploads the file at `path` as `key`, streaming it from disk.
    ///
    /// `sha256Hex` is the file's SHA-256 (lower-case hex), signed as the payload hash so S3 rejects a body that
    /// differs; when nil the file is read once to compute it.
    public func putObject(
        key: String, fileAt path: String, sha256Hex: String? = nil, contentType: String, cacheControl: String? = nil
    ) async throws {
        try await uploadFile(
            key: key, path: path, sha256Hex: sha256Hex, contentType: contentType, cacheControl: cacheControl)
    }

    /// Uploads `data` as `key`.
    public func putObject(key: String, data: Data, contentType: String, cacheControl: String? = nil) async throws {
        var headers = [SigV4Request.Header("content-type", contentType)]
        if let cacheControl { headers.append(SigV4Request.Header("cache-control", cacheControl)) }
        _ = try await perform(
            S3Request(operation: "PutObject", method: .PUT, key: key, headers: headers, body: data), expecting: [])
    }

    /// The key's size and ETag, or nil when there is no such object.
    public func headObject(key: String) async throws -> S3ObjectInfo? {
        let request = S3Request(operation: "HeadObject", method: .HEAD, key: key)
        guard let response = try await perform(request, expecting: [404]) else { return nil }
        guard let length = response.headers.first(name: "content-length").flatMap(Int64.init),
            let eTag = response.headers.first(name: "etag")
        else {
            throw error(request, .invalidResponse("HEAD answer without Content-Length or ETag"), attempts: 1)
        }
        return S3ObjectInfo(key: key, size: length, eTag: eTag)
    }

    /// The object's bytes, or nil when there is no such key.
    /// - Throws: ``S3Error`` with ``S3Error/Failure/tooLarge(limit:)`` when it is larger than `maxSize`.
    public func getObject(key: String, maxSize: Int) async throws -> Data? {
        let request = S3Request(operation: "GetObject", method: .GET, key: key)
        return try await perform(request, expecting: [404], maxBodySize: maxSize).map {
            Data($0.body.readableBytesView)
        }
    }

    /// Every object whose key starts with `prefix`, in key order, following continuation tokens
    /// (``S3ClientOptions/listPageSize`` keys per request).
    public func listObjects(prefix: String) async throws -> [S3ObjectInfo] {
        var objects: [S3ObjectInfo] = []
        var token: String?
        repeat {
            var query = [("list-type", "2"), ("prefix", prefix), ("max-keys", String(options.listPageSize))]
            if let token { query.append(("continuation-token", token)) }
            let request = S3Request(operation: "ListObjectsV2", method: .GET, query: query)
            guard let response = try await perform(request, expecting: [], maxBodySize: 64 << 20) else { break }
            let page: ListObjectsPage
            do {
                page = try ListObjectsPage(xml: Array(response.body.readableBytesView))
            } catch {
                throw self.error(request, .invalidResponse("ListBucketResult: \(error)"), attempts: 1)
            }
            objects += page.objects
            token = page.isTruncated ? page.nextContinuationToken : nil
            if page.isTruncated && token == nil {
                throw self.error(
                    request, .invalidResponse("truncated listing without NextContinuationToken"), attempts: 1)
            }
        } while token != nil
        return objects
    }

    /// Deletes `key`; a missing key is not an error.
    public func deleteObject(key: String) async throws {
        _ = try await perform(S3Request(operation: "DeleteObject", method: .DELETE, key: key), expecting: [404])
    }

    /// Creates the bucket; succeeds when it already exists and belongs to these credentials
    /// (`BucketAlreadyOwnedByYou`). Outside `us-east-1` on AWS the region goes in a `LocationConstraint`.
    public func createBucket() async throws {
        var body = Data()
        if !configuration.isCustomEndpoint && configuration.region != "us-east-1" {
            body = Data(
                ("<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                    + "<LocationConstraint>\(configuration.region)</LocationConstraint></CreateBucketConfiguration>")
                    .utf8)
        }
        let request = S3Request(operation: "CreateBucket", method: .PUT, body: body)
        do {
            _ = try await perform(request, expecting: [])
        } catch let error as S3Error where error.code == "BucketAlreadyOwnedByYou" {
            return
        }
    }

    /// Deletes the (empty) bucket; a missing bucket is not an error. For test clean-up.
    public func deleteBucket() async throws {
        _ = try await perform(S3Request(operation: "DeleteBucket", method: .DELETE), expecting: [404])
    }

    /// Sets the bucket policy to `json` (an IAM policy document).
    public func putBucketPolicy(_ json: String) async throws {
        let request = S3Request(
            operation: "PutBucketPolicy", method: .PUT, query: [("policy", "")],
            headers: [SigV4Request.Header("content-type", "application/json")], body: Data(json.utf8))
        _ = try await perform(request, expecting: [])
    }

    /// Closes the connections; the client cannot be used afterwards.
    public func shutdown() async {
        try? await http.shutdown()
    }
}

extension TimeAmount {
    /// The same span as `duration`, in nanoseconds.
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}

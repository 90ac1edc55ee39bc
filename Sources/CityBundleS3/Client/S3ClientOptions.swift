/// Timeouts, retries and paging for ``S3Client``.
public struct S3ClientOptions: Sendable, Hashable {
    /// The limit for opening a connection.
    public var connectTimeout: Duration
    /// The longest wait for the next bytes of an answer.
    public var readTimeout: Duration
    /// The limit for one attempt of a request without a large body.
    public var requestTimeout: Duration
    /// The slowest upload speed tolerated: a file upload attempt may last `requestTimeout` plus its size at
    /// this speed.
    public var minimumUploadBytesPerSecond: Int
    /// Attempts per idempotent request (every request this client makes), retrying on HTTP 5xx and 429,
    /// `RequestTimeout` and failed connections.
    public var maxAttempts: Int
    /// The wait before the first retry; doubled for each later one, with up to 50 % random jitter added.
    public var retryBaseDelay: Duration
    /// Keys per `ListObjectsV2` page (`max-keys`, at most 1000).
    public var listPageSize: Int

    /// Options with defaults for a batch job: 10 s connect, 60 s read, 120 s per request, 3 attempts.
    public init(
        connectTimeout: Duration = .seconds(10), readTimeout: Duration = .seconds(60),
        requestTimeout: Duration = .seconds(120), minimumUploadBytesPerSecond: Int = 256 * 1024,
        maxAttempts: Int = 3, retryBaseDelay: Duration = .milliseconds(250), listPageSize: Int = 1000
    ) {
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
        self.requestTimeout = requestTimeout
        self.minimumUploadBytesPerSecond = max(1, minimumUploadBytesPerSecond)
        self.maxAttempts = max(1, maxAttempts)
        self.retryBaseDelay = retryBaseDelay
        self.listPageSize = min(1000, max(1, listPageSize))
    }
}

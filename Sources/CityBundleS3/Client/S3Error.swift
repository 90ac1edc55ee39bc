public import CityBundleModel

/// A failed S3 request: the operation, bucket and key, what the service or the network said, and what to do.
///
/// Never holds a credential: S3 error documents carry no secret, and requests are never echoed.
public struct S3Error: CityBundleError, Sendable, Equatable {
    /// What went wrong.
    public enum Failure: Sendable, Equatable {
        /// The service answered with a non-2xx status; `code` and `message` come from its XML error document
        /// (absent for `HEAD` and for servers that send none).
        case http(status: Int, code: String?, message: String?, requestID: String?)
        /// No HTTP answer: connection refused or reset, a timeout, a TLS failure.
        case transport(String)
        /// The object is larger than the caller allowed.
        case tooLarge(limit: Int)
        /// The answer could not be understood (malformed XML, missing headers).
        case invalidResponse(String)
        /// A local file to upload could not be read.
        case localFile(path: String, reason: String)
    }

    /// The S3 API operation (`PutObject`, `ListObjectsV2`…).
    public var operation: String
    /// The bucket.
    public var bucket: String
    /// The object key, for object operations.
    public var key: String?
    /// What went wrong.
    public var failure: Failure
    /// How many attempts were made (retries included); 0 when the request was never sent.
    public var attempts: Int

    /// An error from its parts.
    public init(operation: String, bucket: String, key: String?, failure: Failure, attempts: Int = 1) {
        self.operation = operation
        self.bucket = bucket
        self.key = key
        self.failure = failure
        self.attempts = attempts
    }

    /// The HTTP status, for ``Failure/http(status:code:message:requestID:)``.
    public var status: Int? {
        if case .http(let status, _, _, _) = failure { return status }
        return nil
    }

    /// The S3 error code (`NoSuchBucket`, `SignatureDoesNotMatch`…), when the service sent one.
    public var code: String? {
        if case .http(_, let code, _, _) = failure { return code }
        return nil
    }

    /// The service's message, when it sent one.
    public var message: String? {
        if case .http(_, _, let message, _) = failure { return message }
        return nil
    }

    /// Local file problems and refusals are usage or I/O errors; everything else is I/O (exit 3).
    public var exitStatus: ExitStatus { .io }

    /// `S3 PutObject s3://bucket/key failed: HTTP 403 SignatureDoesNotMatch: message (request id …, 1 attempt);
    /// what to do`.
    public var description: String {
        let target = "s3://\(bucket)/\(key ?? "")"
        let what: String
        switch failure {
        case .http(let status, let code, let message, let requestID):
            var text = "HTTP \(status)"
            if let code { text += " \(code)" }
            if let message, !message.isEmpty { text += ": \(message)" }
            if let requestID { text += " (request id \(requestID))" }
            what = text
        case .transport(let reason): what = "no answer: \(reason)"
        case .tooLarge(let limit): what = "the object is larger than \(limit) bytes"
        case .invalidResponse(let reason): what = "unreadable answer: \(reason)"
        case .localFile(let path, let reason): what = "cannot read \(path): \(reason)"
        }
        let when =
            switch attempts {
            case 0: "before any request"
            case 1: "after 1 attempt"
            default: "after \(attempts) attempts"
            }
        return "S3 \(operation) \(target) failed \(when): \(what); \(S3ErrorAdvice.advice(for: self))"
    }
}

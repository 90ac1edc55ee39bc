/// What to do about an ``S3Error``, from its code or status.
enum S3ErrorAdvice {
    static func advice(for error: S3Error) -> String {
        switch error.failure {
        case .transport:
            return "check that the endpoint (AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL) is right and reachable, then retry"
        case .tooLarge: return "the object is not the small document expected; check the key"
        case .invalidResponse: return "check that the endpoint is an S3-compatible service"
        case .localFile: return "check that the file exists and is readable"
        case .http(let status, let code, _, _):
            switch code {
            case "SignatureDoesNotMatch":
                return "check AWS_SECRET_ACCESS_KEY (and AWS_REGION, and that the clock is right)"
            case "InvalidAccessKeyId": return "check AWS_ACCESS_KEY_ID"
            case "ExpiredToken", "InvalidToken", "TokenRefreshRequired":
                return "renew the temporary credentials (AWS_SESSION_TOKEN)"
            case "RequestTimeTooSkewed": return "set the system clock right (use NTP)"
            case "AccessDenied", "AllAccessDisabled":
                return "grant these credentials \(error.operation) on s3://\(error.bucket) (bucket policy or IAM)"
            case "NoSuchBucket": return "create the bucket or correct its name in the s3:// URL"
            case "AuthorizationHeaderMalformed", "PermanentRedirect", "IllegalLocationConstraintException":
                return "set AWS_REGION to the bucket's region"
            case "BucketAlreadyExists": return "bucket names are global: choose another name"
            case "XAmzContentSHA256Mismatch", "BadDigest":
                return "the file changed while it was uploaded; run again"
            default:
                if status == 429 || status >= 500 { return "the service is failing or busy; retry later" }
                if status == 403 { return "check the credentials and their permissions on the bucket" }
                return "see the service's message"
            }
        }
    }
}

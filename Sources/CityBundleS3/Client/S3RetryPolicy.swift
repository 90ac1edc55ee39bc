/// Which failed attempts are worth another try, and how long to wait before it.
enum S3RetryPolicy {
    /// HTTP statuses retried: throttling and server errors.
    static func isRetryable(status: Int) -> Bool {
        status == 429 || status == 500 || status == 502 || status == 503 || status == 504
    }

    /// S3 error codes retried whatever the status (`RequestTimeout` comes as 400).
    static func isRetryable(code: String?) -> Bool {
        ["RequestTimeout", "SlowDown", "InternalError", "ServiceUnavailable"].contains(code ?? "")
    }

    /// The wait after failed attempt `attempt` (1-based): `base × 2^(attempt−1)` plus up to 50 % jitter.
    static func delay(afterAttempt attempt: Int, base: Duration) -> Duration {
        let backoff = base * (1 << min(attempt - 1, 10))
        return backoff + backoff * Double.random(in: 0...0.5)
    }
}

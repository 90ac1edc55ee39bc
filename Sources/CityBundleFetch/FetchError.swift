public import CityBundleModel

/// Why a fetch failed; each case names the file or URL concerned.
public enum FetchError: CityBundleError, Sendable, Equatable {
    /// A signature, checksum, size, rollback or withdrawal check failed (exit 5). `path` is relative to the
    /// publish root (`wuhan/2026.11.25/scenic_sites.geojson`).
    case verification(path: String, message: String)
    /// A download or a local file operation failed (exit 3).
    case io(path: String, message: String)
    /// The request cannot be carried out as given (exit 2).
    case usage(String)

    /// 5, 3 or 2.
    public var exitStatus: ExitStatus {
        switch self {
        case .verification: .verificationFailed
        case .io: .io
        case .usage: .usage
        }
    }

    /// `path: message`.
    public var description: String {
        switch self {
        case .verification(let path, let message): "\(path): verification failed: \(message)"
        case .io(let path, let message): "\(path): \(message)"
        case .usage(let message): message
        }
    }
}

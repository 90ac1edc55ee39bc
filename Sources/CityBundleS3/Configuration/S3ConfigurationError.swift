public import CityBundleModel

/// Why ``S3Configuration/fromEnvironment(_:)`` or ``S3Location/init(parsing:)`` refused its input. Messages
/// name the variable or URL at fault and never contain a secret.
public enum S3ConfigurationError: CityBundleError, Sendable, Equatable {
    /// These credential variables are unset or empty.
    case missingCredentials([String])
    /// The endpoint variable is not `http(s)://host[:port]`.
    case invalidEndpoint(variable: String, value: String)
    /// The region variable holds something other than letters, digits, `-` and `_`.
    case invalidRegion(variable: String)
    /// The `s3://` URL is malformed; `reason` says how.
    case invalidLocation(url: String, reason: String)

    /// Always a usage error (exit 2).
    public var exitStatus: ExitStatus { .usage }

    /// What is wrong and what to set.
    public var description: String {
        switch self {
        case .missingCredentials(let names):
            return
                "S3 credentials missing: set \(names.joined(separator: " and ")) in the environment (as for the AWS CLI)"
        case .invalidEndpoint(let variable, let value):
            return "\(variable)='\(value)' is not an endpoint URL; use http(s)://host[:port] without a path"
        case .invalidRegion(let variable):
            return "\(variable) is not a region name (such as eu-west-1); fix or unset it"
        case .invalidLocation(let url, let reason):
            return "'\(url)' is not an S3 location: \(reason); use s3://bucket/prefix/"
        }
    }
}

extension S3Configuration {
    /// The variables ``fromEnvironment(_:)`` reads.
    public enum Variable {
        /// The S3 endpoint, preferred over ``endpoint``.
        public static let s3Endpoint = "AWS_ENDPOINT_URL_S3"
        /// The endpoint for every AWS service.
        public static let endpoint = "AWS_ENDPOINT_URL"
        /// The region, preferred over ``defaultRegion``.
        public static let region = "AWS_REGION"
        /// The region when ``region`` is not set.
        public static let defaultRegion = "AWS_DEFAULT_REGION"
        /// The access key id.
        public static let accessKeyID = "AWS_ACCESS_KEY_ID"
        /// The secret access key.
        public static let secretAccessKey = "AWS_SECRET_ACCESS_KEY"
        /// The session token of temporary credentials.
        public static let sessionToken = "AWS_SESSION_TOKEN"
    }

    /// The configuration the AWS CLI would use from these environment variables.
    ///
    /// - Endpoint: `AWS_ENDPOINT_URL_S3`, else `AWS_ENDPOINT_URL` (path-style addressing), else
    ///   `https://s3.<region>.amazonaws.com` (virtual-hosted addressing).
    /// - Region: `AWS_REGION`, else `AWS_DEFAULT_REGION`, else `us-east-1`.
    /// - Credentials: `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY` (both required), `AWS_SESSION_TOKEN`.
    ///
    /// Empty values count as unset.
    /// - Throws: ``S3ConfigurationError`` naming the missing or malformed variable (never its secret value).
    public static func fromEnvironment(_ environment: [String: String]) throws(S3ConfigurationError)
        -> S3Configuration
    {
        func value(_ name: String) -> String? {
            guard let text = environment[name]?.trimmed, !text.isEmpty else { return nil }
            return text
        }
        let region = value(Variable.region) ?? value(Variable.defaultRegion) ?? "us-east-1"
        guard region.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw .invalidRegion(variable: value(Variable.region) != nil ? Variable.region : Variable.defaultRegion)
        }
        let missing = [Variable.accessKeyID, Variable.secretAccessKey].filter { value($0) == nil }
        guard missing.isEmpty, let accessKeyID = value(Variable.accessKeyID),
            let secret = value(Variable.secretAccessKey)
        else { throw .missingCredentials(missing) }
        let credentials = SigV4Credentials(
            accessKeyID: accessKeyID, secretAccessKey: secret, sessionToken: value(Variable.sessionToken))

        for name in [Variable.s3Endpoint, Variable.endpoint] {
            guard let text = value(name) else { continue }
            guard let endpoint = S3Endpoint(text) else { throw .invalidEndpoint(variable: name, value: text) }
            return S3Configuration(
                endpoint: endpoint, region: region, credentials: credentials, addressingStyle: .path,
                isCustomEndpoint: true)
        }
        guard let endpoint = awsEndpoint(region: region) else { throw .invalidRegion(variable: Variable.region) }
        return S3Configuration(
            endpoint: endpoint, region: region, credentials: credentials, addressingStyle: .virtualHosted,
            isCustomEndpoint: false)
    }
}

/// An AWS access key pair, with the session token of temporary credentials.
///
/// The secret never appears in `description`, `debugDescription` or a `dump`: they show the access key id only.
public struct SigV4Credentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The access key id (`AKIA…`), sent in every `Authorization` header.
    public var accessKeyID: String
    /// The secret access key; only ever used as HMAC key material.
    public var secretAccessKey: String
    /// The session token of temporary credentials, sent as `x-amz-security-token`.
    public var sessionToken: String?

    /// Credentials from their parts.
    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }

    /// `access key AKIA… (secret redacted)`, plus whether a session token is set.
    public var description: String {
        "access key \(accessKeyID) (secret redacted\(sessionToken == nil ? "" : ", session token redacted"))"
    }

    /// The same as `description`.
    public var debugDescription: String { description }

    /// A mirror without the secret or the token, so `dump` cannot print them.
    public var customMirror: Mirror {
        Mirror(self, children: ["accessKeyID": accessKeyID, "secret": "redacted"], displayStyle: .struct)
    }
}

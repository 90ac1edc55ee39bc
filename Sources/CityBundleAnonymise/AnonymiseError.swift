public import CityBundleModel

/// A problem in the anonymisation stage: a missing or unsafe key, or an impossible rule.
///
/// Messages name the variable, file or field involved and never contain key material or attribute values.
public struct AnonymiseError: CityBundleError, Equatable {
    /// What the problem is about: an environment variable, a key file or a field, e.g. `key file 'secrets/k'`.
    public var subject: String
    /// What is wrong.
    public var message: String
    /// How to fix it, when there is something useful to say.
    public var hint: String?
    /// `.usage` for configuration problems (missing, short or unprotected key), `.io` when a key file cannot be read.
    public var exitStatus: ExitStatus

    /// Creates an error.
    public init(subject: String, message: String, hint: String? = nil, exitStatus: ExitStatus = .usage) {
        self.subject = subject
        self.message = message
        self.hint = hint
        self.exitStatus = exitStatus
    }

    /// `subject: message (hint)`.
    public var description: String {
        var text = "\(subject): \(message)"
        if let hint { text += " (\(hint))" }
        return text
    }
}

public import CityBundleModel

/// Why the server cannot start.
public struct ServerError: CityBundleError, Sendable {
    /// The path concerned.
    public var path: String
    /// What is wrong.
    public var message: String

    /// An error about `path`.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// Always `.io`: the published tree cannot be served.
    public var exitStatus: ExitStatus { .io }

    /// `path: message`.
    public var description: String { "\(path): \(message)" }
}

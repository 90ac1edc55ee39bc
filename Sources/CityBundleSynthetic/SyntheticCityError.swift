public import CityBundleModel

/// A synthetic city that cannot be generated as asked.
public struct SyntheticCityError: CityBundleError, Sendable, Hashable {
    /// What is wrong, in a sentence that says what to do.
    public var message: String

    /// Creates an error with `message`.
    public init(_ message: String) {
        self.message = message
    }

    /// A wrong request is a usage error.
    public var exitStatus: ExitStatus { .usage }

    /// The message.
    public var description: String { message }
}

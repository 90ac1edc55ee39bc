public import CityBundleModel

/// A source could not be read at all: which file, what was being done and what the system said.
///
/// Malformed JSON is not an error of this kind; it is a ``StructureIssue`` with rule `json.syntax`.
public struct StructureCheckError: CityBundleError, Sendable, Hashable {
    /// The path the caller asked to check.
    public var path: String
    /// What failed: `open` or `read`.
    public var operation: String
    /// The operating system's explanation (`strerror` text).
    public var reason: String
    /// The `errno` value.
    public var code: Int32?

    /// Creates an error for `operation` on `path`.
    public init(path: String, operation: String, reason: String, code: Int32? = nil) {
        self.path = path
        self.operation = operation
        self.reason = reason
        self.code = code
    }

    /// Reading failures are I/O failures.
    public var exitStatus: ExitStatus { .io }

    /// `cannot <operation> <path>: <reason>`.
    public var description: String { "cannot \(operation) \(path): \(reason)" }
}

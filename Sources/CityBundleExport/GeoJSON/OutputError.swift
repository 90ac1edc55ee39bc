public import CityBundleModel

/// A file could not be written: which file, what was being done and what the operating system said.
public struct OutputError: CityBundleError, Sendable, Hashable {
    /// The output path the caller asked for (not the temporary file).
    public var path: String
    /// What failed, e.g. `create temporary file`, `write`, `fsync`, `rename`.
    public var operation: String
    /// The operating system's explanation (`strerror` text) or a description of the misuse.
    public var reason: String
    /// The `errno` value, when the failure came from a system call.
    public var code: Int32?

    /// Creates an error for `operation` on `path`.
    public init(path: String, operation: String, reason: String, code: Int32? = nil) {
        self.path = path
        self.operation = operation
        self.reason = reason
        self.code = code
    }

    /// Output errors are I/O failures.
    public var exitStatus: ExitStatus { .io }

    /// `cannot <operation> <path>: <reason>`.
    public var description: String { "cannot \(operation) \(path): \(reason)" }
}

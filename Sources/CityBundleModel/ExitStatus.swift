/// The exit-code table every `citybundle` command shares (documented in the README).
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Everything worked.
    case ok = 0
    /// The input has data errors (over the configured limit).
    case dataErrors = 1
    /// Wrong command line or pipeline configuration.
    case usage = 2
    /// A file could not be read or written.
    case io = 3
    /// Another run holds the pipeline's lock.
    case lockHeld = 4
    /// A signature, checksum or catalog check failed.
    case verificationFailed = 5
}

/// An error that knows which exit status it maps to and how to explain itself to a person.
public protocol CityBundleError: Error, CustomStringConvertible {
    var exitStatus: ExitStatus { get }
}

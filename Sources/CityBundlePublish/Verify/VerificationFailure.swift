public import CityBundleModel

/// The error form of a failed verification (exit status 5).
public struct VerificationFailure: CityBundleError, Sendable {
    /// The report with the problems.
    public var report: VerificationReport

    /// A failure carrying `report`.
    public init(report: VerificationReport) {
        self.report = report
    }

    /// Always `.verificationFailed`.
    public var exitStatus: ExitStatus { .verificationFailed }

    /// The report's problems.
    public var description: String { report.description }
}

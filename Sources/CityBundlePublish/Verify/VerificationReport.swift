public import CityBundleModel

/// What `BundleVerifier.verify` found.
public struct VerificationReport: Sendable, CustomStringConvertible {
    /// The bundle id.
    public var bundle: String
    /// The version whose files were checked, when there was one.
    public var version: String?
    /// Everything wrong; empty when the bundle verifies.
    public var problems: [VerificationProblem]
    /// Observations that do not fail verification (an interrupted publish's leftovers, a key rotation).
    public var notes: [String]
    /// How many files were checked against the manifest.
    public var filesChecked: Int

    /// A report; every argument is a member of the same name.
    public init(bundle: String, version: String?, problems: [VerificationProblem], notes: [String], filesChecked: Int) {
        self.bundle = bundle
        self.version = version
        self.problems = problems
        self.notes = notes
        self.filesChecked = filesChecked
    }

    /// True when there is no problem.
    public var isValid: Bool { problems.isEmpty }

    /// `.ok`, or `.verificationFailed` (5) when there is a problem.
    public var exitStatus: ExitStatus { isValid ? .ok : .verificationFailed }

    /// The files the problems name, without repeats, in order.
    public var problemPaths: [String] {
        var seen = Set<String>()
        return problems.map(\.path).filter { seen.insert($0).inserted }
    }

    /// Throws `VerificationFailure` when there is a problem.
    public func check() throws {
        if !isValid { throw VerificationFailure(report: self) }
    }

    /// One line per problem, then the notes, then a summary line.
    public var description: String {
        var lines = problems.map { "error: \($0)" }
        lines += notes.map { "note: \($0)" }
        let what = version.map { "\(bundle)/\($0)" } ?? bundle
        lines.append(
            "verify \(what): \(filesChecked) files checked, \(problems.count) problems"
                + (isValid ? " — OK" : " — FAILED"))
        return lines.joined(separator: "\n")
    }
}

public import CityBundleModel
public import CityBundlePipeline

/// The validation stage of a pipeline: checks every feature of one source, repairs what the
/// policies say to fix, sends features that break an error rule to quarantine, and fails the run
/// (nothing is published) when the source has more errors than its limits allow.
public final class ValidationStage: FeatureTransform {
    public let name = "validate"
    /// The results so far.
    public private(set) var report: SourceValidation
    private var checker: FeatureChecker
    private let quarantine: QuarantineWriter?
    private let settings: ValidationSettings

    /// - Parameters:
    ///   - quarantinePath: where rejected features are written (created on the first one), or nil to
    ///     only count them (for `citybundle validate`).
    /// Structural errors of the source's GeoJSON, by feature index: those features are quarantined.
    private var structuralErrors: [Int64: [FeatureFinding]]

    public init(
        source: String, file: String, book: RuleBook, quarantinePath: String?,
        structure: StructureReport? = nil
    ) {
        report = SourceValidation(source: source, file: file)
        var byFeature: [Int64: [FeatureFinding]] = [:]
        for issue in structure?.issues ?? [] {
            let finding = FeatureFinding(issue, file: file)
            if let index = issue.featureIndex, issue.severity == .error {
                byFeature[Int64(index), default: []].append(finding)
            } else if issue.featureIndex == nil {
                report.record(finding)
            }
        }
        structuralErrors = byFeature
        checker = FeatureChecker(book: book)
        settings = book.settings
        quarantine = quarantinePath.map(QuarantineWriter.init)
        report.quarantineFile = nil
    }

    public func apply(_ feature: Feature) throws -> Feature? {
        var result = checker.check(feature)
        report.featuresChecked += 1
        var errors = result.findings.filter { $0.severity == .error }.map {
            (rule: $0.rule.rawValue, message: $0.message)
        }
        if let index = feature.location.feature, let structural = structuralErrors.removeValue(forKey: index) {
            for var finding in structural {
                finding.featureID = feature.id
                report.record(finding)
                errors.append((finding.rule, finding.message))
            }
            result.rejected = true
        }
        for finding in result.findings {
            report.record(
                FeatureFinding(
                    file: feature.location.file, layer: feature.location.layer, index: feature.location.feature,
                    featureID: feature.id, rule: finding.rule.rawValue, severity: finding.severity,
                    message: finding.message, hint: finding.hint))
        }
        guard result.rejected else {
            report.featuresPassed += 1
            return result.feature
        }
        report.featuresQuarantined += 1
        if let quarantine {
            try quarantine.write(feature, errors: errors)
            report.quarantineFile = quarantine.path
        }
        return nil
    }

    /// Closes the quarantine file and enforces the source's error limits.
    public func finish() throws {
        // Structural errors in elements GDAL never turned into features (a null in `features`):
        // reported against the file, so nothing is silently skipped.
        for index in structuralErrors.keys.sorted() {
            for finding in structuralErrors[index]! { report.record(finding) }
        }
        structuralErrors = [:]
        try quarantine?.finish()
        if let error = limitError() { throw error }
    }

    /// The error to stop the run with when the source has too many errors, or nil.
    public func limitError() -> ValidationLimitError? {
        let rejected = report.featuresQuarantined
        if let maximum = settings.maxErrors, rejected > maximum {
            return ValidationLimitError(
                source: report.source, rejected: rejected, checked: report.featuresChecked,
                limit: "max_errors \(maximum)")
        }
        if let share = settings.maxErrorShare, report.featuresChecked > 0,
            Double(rejected) / Double(report.featuresChecked) > share
        {
            return ValidationLimitError(
                source: report.source, rejected: rejected, checked: report.featuresChecked,
                limit: "max_error_share \(share)")
        }
        return nil
    }
}

/// A source had more errors than its limits allow: nothing of the run is published.
public struct ValidationLimitError: CityBundleError {
    public var source: String
    public var rejected: Int
    public var checked: Int
    public var limit: String
    public var exitStatus: ExitStatus { .dataErrors }

    public var description: String {
        "source '\(source)': \(rejected) of \(checked) features failed validation, over the limit (\(limit)); nothing was published (see the validation report and the quarantine file in the state directory)"
    }
}

extension FeatureFinding {
    /// A finding from the structural GeoJSON check.
    public init(_ issue: StructureIssue, file: String) {
        self.init(
            file: file, index: issue.featureIndex.map(Int64.init), line: issue.line, rule: issue.rule,
            severity: issue.severity == .error ? .error : .warning, message: issue.message)
    }
}

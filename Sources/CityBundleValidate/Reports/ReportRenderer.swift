import Foundation

/// Renders a `ValidationReport` in each `ReportFormat`.
public enum ReportRenderer {
    public static func render(_ report: ValidationReport, as format: ReportFormat, toolVersion: String) -> String {
        switch format {
        case .text: text(report)
        case .json: json(report)
        case .junit: JUnitReport.render(report)
        case .sarif: SARIFReport.render(report, toolVersion: toolVersion)
        case .github: github(report)
        }
    }

    /// Where a finding is: `file:line` or `file:feature-id` (or `file#index`).
    static func place(_ finding: FeatureFinding) -> String {
        if let line = finding.line { return "\(finding.file):\(line)" }
        if let id = finding.featureID { return "\(finding.file):\(id)" }
        if let index = finding.index { return "\(finding.file)#\(index)" }
        return finding.file
    }

    static func text(_ report: ValidationReport) -> String {
        var lines: [String] = []
        for source in report.sources {
            // Repairs are counted, not listed: the JSON report has each of them.
            for finding in source.findings where finding.severity != .fixed {
                let hint = finding.hint.map { " (\($0))" } ?? ""
                lines.append(
                    "\(place(finding)): \(finding.severity.rawValue): \(finding.rule): \(finding.message)\(hint)")
            }
            if source.findingsTruncated { lines.append("\(source.file): note: further findings not listed") }
            lines.append(
                "\(source.file): \(source.featuresChecked) features, \(source.featuresQuarantined) rejected, \(source.errors) errors, \(source.warnings) warnings, \(source.fixes) fixes"
            )
        }
        lines.append("\(report.errors) errors, \(report.warnings) warnings, \(report.fixes) fixes")
        return lines.joined(separator: "\n")
    }

    static func json(_ report: ValidationReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(report)) ?? Data(), as: UTF8.self)
    }

    static func github(_ report: ValidationReport) -> String {
        report.allFindings.filter { $0.severity != .fixed }.map { finding in
            let command = finding.severity == .error ? "error" : "warning"
            var properties = ["file=\(escapeProperty(finding.file))", "title=\(escapeProperty(finding.rule))"]
            if let line = finding.line { properties.insert("line=\(line)", at: 1) }
            let subject = finding.featureID.map { "feature \($0): " } ?? ""
            return "::\(command) \(properties.joined(separator: ","))::\(escapeData(subject + finding.message))"
        }.joined(separator: "\n")
    }

    /// GitHub's escaping for workflow-command data.
    private static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// GitHub's escaping for workflow-command properties.
    private static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

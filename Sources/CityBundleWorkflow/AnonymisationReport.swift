import CityBundleAnonymise
import CityBundleValidate

/// The readable summary of what anonymisation did, for an auditor: rules, counts and distances,
/// never a value.
enum AnonymisationReport {
    static func markdown(_ summary: RunSummary) -> String {
        var lines = ["# Anonymisation report: \(summary.pipeline)", ""]
        for source in summary.sources {
            let report = source.anonymisation
            lines += ["## \(source.id)", ""]
            lines.append("| field | rule | values seen | changed | emptied | detector hits |")
            lines.append("| --- | --- | --- | --- | --- | --- |")
            for (field, entry) in report.audit.fields.sorted(by: { $0.key < $1.key }) {
                let hits = entry.detectorHits.sorted { $0.key.rawValue < $1.key.rawValue }
                    .map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")
                lines.append(
                    "| \(field) | \(entry.actions.sorted().joined(separator: ", ")) | \(entry.valuesSeen) | \(entry.valuesChanged) | \(entry.valuesEmptied) | \(hits.isEmpty ? "–" : hits) |"
                )
            }
            let pseudonymised = report.audit.fields.filter { $0.value.actions.contains("pseudonymise") }.keys.sorted()
            if !pseudonymised.isEmpty {
                lines.append(
                    "\n**Warning:** \(pseudonymised.joined(separator: ", ")) carry pseudonyms. Pseudonymised personal identifiers are still personal information under PIPL (去标识化, not 匿名化); publish them only with a legal basis, or drop them."
                )
            }
            if report.dropped.isEmpty {
                lines.append("\nNo feature was removed.")
            } else {
                lines.append("")
                for (reason, count) in report.dropped.sorted(by: { $0.key < $1.key }) {
                    lines.append("- \(count) feature(s) removed: \(reason)")
                }
            }
            if report.displacement.positions > 0 {
                let d = report.displacement
                lines.append(
                    "\nCoordinate precision reduced: \(d.positions) positions moved \(rounded(d.meanMetres)) m on average, at most \(rounded(d.maximumMetres)) m."
                )
            }
            if source.recheck.featuresQuarantined > 0 {
                lines.append(
                    "\n\(source.recheck.featuresQuarantined) feature(s) quarantined when their changed geometry was checked again."
                )
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    private static func rounded(_ value: Double) -> String {
        String((value * 1000).rounded() / 1000)
    }
}

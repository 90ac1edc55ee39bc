/// JUnit XML: one `<testsuite>` per source, one `<testcase>` per feature with findings (errors are
/// `<failure>`s, warnings and fixes go to `<system-out>`), and one case for all clean features.
enum JUnitReport {
    static func render(_ report: ValidationReport) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        let failures = report.sources.reduce(0) { $0 + $1.featuresQuarantined }
        let tests = report.sources.reduce(0) { $0 + cases(in: $1).count + 1 }
        xml += #"<testsuites name="citybundle validate" tests="\#(tests)" failures="\#(failures)">"# + "\n"
        for source in report.sources {
            let grouped = cases(in: source)
            let failed = grouped.filter { $0.findings.contains { $0.severity == .error } }.count
            xml +=
                #"  <testsuite name="\#(escape(source.file))" tests="\#(grouped.count + 1)" failures="\#(failed)">"#
                + "\n"
            for group in grouped {
                xml += #"    <testcase classname="\#(escape(source.source))" name="\#(escape(group.name))">"# + "\n"
                for finding in group.findings where finding.severity == .error {
                    xml += #"      <failure type="\#(escape(finding.rule))" message="\#(escape(finding.message))">"#
                    xml += escape(ReportRenderer.place(finding) + ": " + (finding.hint ?? finding.message))
                    xml += "</failure>\n"
                }
                let notes = group.findings.filter { $0.severity != .error }
                if !notes.isEmpty {
                    let text = notes.map { "\($0.severity.rawValue): \($0.rule): \($0.message)" }.joined(
                        separator: "\n")
                    xml += "      <system-out>\(escape(text))</system-out>\n"
                }
                xml += "    </testcase>\n"
            }
            xml += #"    <testcase classname="\#(escape(source.source))" name="all other features"/>"# + "\n"
            xml += "  </testsuite>\n"
        }
        xml += "</testsuites>\n"
        return xml
    }

    private struct Case {
        var name: String
        var findings: [FeatureFinding]
    }

    /// Findings grouped by feature (or by line for structural findings), in order.
    private static func cases(in source: SourceValidation) -> [Case] {
        var order: [String] = []
        var groups: [String: [FeatureFinding]] = [:]
        for finding in source.findings {
            // One case per feature occurrence: ids may repeat (that is one of the findings).
            let position = finding.index.map { "#\($0)" } ?? finding.line.map { "line \($0)" } ?? "file"
            let key = finding.featureID.map { "\($0) (\(position))" } ?? position
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(finding)
        }
        return order.map { Case(name: $0, findings: groups[$0]!) }
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                // XML 1.0 cannot carry other control characters at all.
                if scalar.value >= 0x20 { result.unicodeScalars.append(scalar) } else { result += "?" }
            }
        }
        return result
    }
}

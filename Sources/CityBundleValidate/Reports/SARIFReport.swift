import CityBundlePipeline
import Foundation

/// SARIF 2.1.0: one run, the rules as reporting descriptors, one result per error or warning.
enum SARIFReport {
    static func render(_ report: ValidationReport, toolVersion: String) -> String {
        let findings = report.allFindings.filter { $0.severity != .fixed }
        let ruleIDs = Array(Set(findings.map(\.rule))).sorted()
        let rules: [[String: Any]] = ruleIDs.map { id in
            ["id": id, "shortDescription": ["text": description(of: id)]]
        }
        let results: [[String: Any]] = findings.map { finding in
            var physical: [String: Any] = ["artifactLocation": ["uri": uri(finding.file)]]
            if let line = finding.line { physical["region"] = ["startLine": max(1, line)] }
            var location: [String: Any] = ["physicalLocation": physical]
            if let id = finding.featureID {
                location["logicalLocations"] = [["name": id, "kind": "object"]]
            }
            return [
                "ruleId": finding.rule,
                "ruleIndex": ruleIDs.firstIndex(of: finding.rule) ?? 0,
                "level": finding.severity == .error ? "error" : "warning",
                "message": ["text": finding.message + (finding.hint.map { " (\($0))" } ?? "")],
                "locations": [location],
            ]
        }
        let document: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [
                [
                    "tool": [
                        "driver": [
                            "name": "citybundle", "version": toolVersion, "rules": rules,
                        ]
                    ],
                    "results": results,
                ]
            ],
        ]
        let data =
            (try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// A relative URI for a path (SARIF wants URIs; spaces and non-ASCII are percent-encoded).
    private static func uri(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
    }

    private static func description(of rule: String) -> String {
        if let known = RuleID(rawValue: rule) { return "CityBundle validation rule \(known.rawValue)" }
        return "RFC 7946 structure check \(rule)"
    }
}

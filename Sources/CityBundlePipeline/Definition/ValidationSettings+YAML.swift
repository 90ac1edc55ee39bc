import CityBundleModel
import Foundation
import Yams

/// Reading `validation:` sections.
extension ValidationSettings {
    static let keys = ["max_errors", "max_error_share", "rules", "attributes"]
    static let ruleKeys = ["policy", "min", "max"]
    static let attributeKeys = ["type", "required", "values", "min", "max"]

    static func decode(_ value: YAMLValue) throws(PipelineConfigError) -> ValidationSettings {
        let mapping = try value.mapping(allowedKeys: keys)
        var settings = ValidationSettings()
        if let maxErrors = try mapping.optionalInt("max_errors") {
            guard maxErrors >= 0 else { throw try mapping.required("max_errors").error("max_errors must be 0 or more") }
            settings.maxErrors = maxErrors
        }
        if let share = try mapping.optionalDouble("max_error_share") {
            guard (0...1).contains(share) else {
                throw try mapping.required("max_error_share").error(
                    "max_error_share must be between 0 and 1", hint: "0.05 means 5% of the source's features")
            }
            settings.maxErrorShare = share
        }
        if let rules = mapping.optional("rules") {
            let ruleMapping = try rules.mapping(allowedKeys: RuleID.allCases.map(\.rawValue))
            for key in ruleMapping.keys {
                let rule = RuleID(rawValue: key)!
                settings.rules[rule] = try decodeRule(try ruleMapping.required(key), rule: rule)
            }
        }
        if let attributes = mapping.optional("attributes") {
            let fields = try attributes.mapping(allowedKeys: attributes.mappingKeys())
            for field in fields.keys {
                let entry = try fields.required(field).mapping(allowedKeys: attributeKeys)
                settings.attributes.append(
                    AttributeRule(
                        field: field, type: try entry.optionalOneOf("type", AttributeType.self),
                        required: try entry.bool("required", default: false),
                        values: try entry.optionalList("values")?.map { item throws(PipelineConfigError) in
                            try item.scalarText()
                        },
                        min: try entry.optionalDouble("min"), max: try entry.optionalDouble("max")))
            }
        }
        return settings
    }

    private static func decodeRule(_ value: YAMLValue, rule: RuleID) throws(PipelineConfigError) -> RuleSetting {
        var setting = RuleSetting()
        if case .mapping = value.node {
            let entry = try value.mapping(allowedKeys: rule.takesRange ? ruleKeys : ["policy"])
            setting.policy = try entry.optionalOneOf("policy", RulePolicy.self)
            setting.min = try entry.optionalDouble("min")
            setting.max = try entry.optionalDouble("max")
            if let min = setting.min, let max = setting.max, min > max {
                throw value.error("min (\(min)) is greater than max (\(max))")
            }
        } else {
            setting.policy = try value.oneOf(RulePolicy.self)
        }
        if setting.policy == .fix && !rule.isFixable {
            throw value.error(
                "\(rule.rawValue) cannot fix what it finds", hint: "use error, warn or off for this rule")
        }
        return setting
    }
}

extension ValidationSettings {
    /// Reads a rules file: a YAML mapping with the keys of a `validation:` section
    /// (`max_errors`, `max_error_share`, `rules`, `attributes`), as `citybundle validate --rules` takes.
    public static func load(rulesFile path: String) throws(PipelineConfigError) -> ValidationSettings {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw PipelineConfigError(
                file: path, message: "cannot read the rules file", hint: "check the path", exitStatus: .io)
        }
        guard let root = try YAMLDocument.compose(yaml: text, file: path), !root.isNull else {
            return ValidationSettings()
        }
        return try decode(root)
    }
}

extension YAMLValue {
    /// The keys of a mapping node, in file order (for mappings whose keys are names from the data).
    func mappingKeys() throws(PipelineConfigError) -> [String] {
        guard case .mapping(let mapping) = node else { throw typeError(expected: "a mapping") }
        return mapping.compactMap { pair in
            if case .scalar(let scalar) = pair.key { return scalar.string }
            return nil
        }
    }

    /// A scalar's text as written, whatever it looks like (for lists of allowed values).
    func scalarText() throws(PipelineConfigError) -> String {
        guard case .scalar(let scalar) = node else { throw typeError(expected: "a value") }
        return scalar.string
    }
}

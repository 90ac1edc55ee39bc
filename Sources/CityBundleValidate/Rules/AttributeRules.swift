import CityBundleModel
import CityBundlePipeline

/// Attribute checks: building heights and floor counts, configured required fields, types,
/// enumerations and ranges, and control characters in text. Messages name fields, never values.
struct AttributeRules {
    let book: RuleBook

    /// Checks `properties` (repairing control characters when the policy says so); returns true
    /// when the feature is rejected.
    func check(_ properties: inout Properties, into findings: inout [Finding]) -> Bool {
        var rejected = false
        if book.kind == .building {
            rejected = checkHeights(properties, into: &findings) || rejected
        }
        for rule in book.settings.attributes {
            rejected = check(rule, properties[rule.field], into: &findings) || rejected
        }
        rejected = checkControlCharacters(&properties, into: &findings) || rejected
        return rejected
    }

    private func checkHeights(_ properties: Properties, into findings: inout [Finding]) -> Bool {
        var rejected = false
        let height = properties["height"]?.numericValue
        let floors = properties["floors"]?.numericValue
        if let height, height > 0 {
            rejected = range(.heightRange, field: "height", value: height, unit: " m", into: &findings) || rejected
        } else {
            let fallback = floors.map { _ in "floors × storey height" } ?? "the default height"
            let what = height == nil ? "has no numeric height" : "has height 0, taken as unknown"
            _ = FindingPolicy.add(
                .heightMissing, "the building \(what); 3D uses \(fallback) and flags it", book: book, to: &findings)
            if let height, height < 0 {
                rejected = range(.heightRange, field: "height", value: height, unit: " m", into: &findings) || rejected
            }
        }
        if let floors {
            rejected = range(.floorsRange, field: "floors", value: floors, unit: "", into: &findings) || rejected
        }
        return rejected
    }

    private func range(_ rule: RuleID, field: String, value: Double, unit: String, into findings: inout [Finding])
        -> Bool
    {
        let low = book.minimum(rule) ?? -.infinity
        let high = book.maximum(rule) ?? .infinity
        guard value < low || value > high else { return false }
        return FindingPolicy.add(
            rule, "'\(field)' is outside \(Measure.rounded(low))…\(Measure.rounded(high))\(unit)", book: book,
            to: &findings)
    }

    private func check(_ rule: AttributeRule, _ value: Value?, into findings: inout [Finding]) -> Bool {
        guard let value, value != .null else {
            guard rule.required else { return false }
            return FindingPolicy.add(
                .attributeRequired, "required field '\(rule.field)' is missing or null", book: book, to: &findings)
        }
        var rejected = false
        if let type = rule.type, !matches(value, type) {
            rejected =
                FindingPolicy.add(
                    .attributeType, "'\(rule.field)' is not of type \(type.rawValue)", book: book, to: &findings)
                || rejected
        }
        if let values = rule.values, let text = value.textValue, !values.contains(text) {
            rejected =
                FindingPolicy.add(
                    .attributeValues, "'\(rule.field)' is not one of the \(values.count) allowed values",
                    book: book, to: &findings) || rejected
        }
        if rule.min != nil || rule.max != nil {
            let low = rule.min ?? -.infinity
            let high = rule.max ?? .infinity
            if let number = value.numericValue, number < low || number > high {
                rejected =
                    FindingPolicy.add(
                        .attributeRange, "'\(rule.field)' is outside \(low)…\(high)", book: book, to: &findings)
                    || rejected
            }
        }
        return rejected
    }

    private func matches(_ value: Value, _ type: AttributeType) -> Bool {
        switch (type, value) {
        case (.string, .string), (.integer, .int), (.boolean, .bool), (.number, .int), (.number, .double): true
        case (.integer, .double(let d)): d == d.rounded()
        default: false
        }
    }

    private func checkControlCharacters(_ properties: inout Properties, into findings: inout [Finding]) -> Bool {
        var rejected = false
        for property in properties {
            guard case .string(let text) = property.value, text.unicodeScalars.contains(where: isControl) else {
                continue
            }
            let message = "'\(property.name)' contains control characters"
            if book.policy(.attributeControlCharacters) == .fix {
                properties[property.name] = .string(
                    String(String.UnicodeScalarView(text.unicodeScalars.filter { !isControl($0) })))
                findings.append(
                    Finding(rule: .attributeControlCharacters, severity: .fixed, message: message + "; removed"))
            } else {
                rejected =
                    FindingPolicy.add(.attributeControlCharacters, message, book: book, to: &findings) || rejected
            }
        }
        return rejected
    }

    /// C0 and C1 controls other than tab, line feed and carriage return.
    private func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r")
            || (0x7F...0x9F).contains(scalar.value)
    }
}

public import CityBundleModel

/// Makes values coarser: numbers rounded to a step, dates cut to the month or year, addresses cut to the district.
///
/// A value that cannot be generalised (a number field holding text, a date that does not parse, an address with
/// no city) is emptied rather than published as it is: text becomes `""`, anything else `null`, and the result
/// says so, for the audit. `null` and `""` stay as they are.
public struct Generaliser: Sendable {
    /// A generaliser.
    public init() {}

    /// `value` generalised by `rule`; `emptied` is true when it could not be and was emptied instead.
    ///
    /// - Throws: ``AnonymiseError`` (`.usage`) when the rule itself is impossible (a step that is not a positive,
    ///   finite number).
    public func generalise(_ value: Value, with rule: Generalisation) throws(AnonymiseError) -> (
        value: Value, emptied: Bool
    ) {
        if case .roundNumber(let step) = rule, !(step > 0 && step.isFinite) {
            throw AnonymiseError(
                subject: "generalise.\(rule.ruleName)", message: "the step must be a positive number",
                hint: "use for example `step: 10` to round to tens")
        }
        switch value {
        case .null: return (value, false)
        case .string(let text) where text.isEmpty: return (value, false)
        default: break
        }
        let result: Value?
        switch rule {
        case .roundNumber(let step): result = Self.round(value, step: step)
        case .dateToMonth:
            result = Self.dateText(of: value).flatMap { Self.date($0, keepMonth: true) }.map(Value.string)
        case .dateToYear:
            result = Self.dateText(of: value).flatMap { Self.date($0, keepMonth: false) }.map(Value.string)
        case .addressToDistrict: result = value.stringValue.flatMap(Self.district(of:)).map(Value.string)
        }
        if let result { return (result, false) }
        if case .string = value { return (.string(""), true) }
        return (.null, true)
    }

    /// The text of a date value: a string, or a whole number such as the year `2023`.
    static func dateText(of value: Value) -> String? {
        switch value {
        case .string(let text): text
        case .int(let number): String(number)
        case .double(let number) where number == number.rounded() && abs(number) < 1e6: String(Int(number))
        case .null, .bool, .double: nil
        }
    }
}

/// How ``FieldAction/generalise(_:)`` coarsens a value.
public enum Generalisation: Sendable, Equatable {
    /// Round a number to the nearest multiple of `step` (halves away from zero), e.g. heights to 5 m.
    case roundNumber(step: Double)
    /// Keep the year and month of a date or date-time: `2023-05-17T08:00:00` → `2023-05`.
    case dateToMonth
    /// Keep the year of a date or date-time: `2023年5月17日` → `2023`.
    case dateToYear
    /// Keep a Chinese address down to its district: `湖北省武汉市武昌区中北路123号` → `湖北省武汉市武昌区`.
    case addressToDistrict

    /// The rule's name in audit reports, e.g. `roundNumber(step: 5.0)`.
    public var ruleName: String {
        switch self {
        case .roundNumber(let step): "roundNumber(step: \(step))"
        case .dateToMonth: "dateToMonth"
        case .dateToYear: "dateToYear"
        case .addressToDistrict: "addressToDistrict"
        }
    }
}

internal import CityBundleModel

/// Rounding numbers to a step.
extension Generaliser {
    /// `value` rounded to the nearest multiple of `step` (halves away from zero), keeping its case: integers stay
    /// integers when the step is a whole number, numeric text stays text. Nil when it is not a number.
    static func round(_ value: Value, step: Double) -> Value? {
        switch value {
        case .int(let number):
            if step >= 1, step == step.rounded(), step < 9e15, let rounded = round(number, step: Int64(step)) {
                return .int(rounded)
            }
            return .double(round(Double(number), step: step))
        case .double(let number):
            return number.isFinite ? .double(round(number, step: step)) : nil
        case .string(let text):
            guard let number = Double(text.trimmingSpaces), number.isFinite else { return nil }
            return Value.double(round(number, step: step)).textValue.map(Value.string)
        case .null, .bool:
            return nil
        }
    }

    /// `number` rounded to a multiple of `step`, exactly; nil on overflow.
    static func round(_ number: Int64, step: Int64) -> Int64? {
        var quotient = number / step
        let remainder = number % step
        if remainder.magnitude * 2 >= step.magnitude { quotient += number < 0 ? -1 : 1 }
        let (result, overflow) = quotient.multipliedReportingOverflow(by: step)
        return overflow ? nil : result
    }

    /// `number` rounded to a multiple of `step`, without binary noise beyond the step's decimals
    /// (`0.1 + 0.2` rounded to `0.1` is `0.3`).
    static func round(_ number: Double, step: Double) -> Double {
        var result = (number / step).rounded(.toNearestOrAwayFromZero) * step
        var scale = 1.0
        var scaledStep = step
        while scaledStep != scaledStep.rounded() && scale < 1e12 {
            scaledStep *= 10
            scale *= 10
        }
        if scale > 1 { result = (result * scale).rounded() / scale }
        return result == 0 ? 0 : result
    }
}

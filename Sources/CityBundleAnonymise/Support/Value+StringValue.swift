internal import CityBundleModel

extension Value {
    /// The text of a `.string` value; nil for any other case.
    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}

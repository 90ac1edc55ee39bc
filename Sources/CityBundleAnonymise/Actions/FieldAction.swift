/// What the anonymisation stage does with one field's values.
public enum FieldAction: Sendable, Equatable {
    /// Publish the value as it is.
    case keep
    /// Remove the field.
    case drop
    /// Replace the value by a keyed pseudonym (`ps_` and 20 hex digits); see ``Pseudonymiser``.
    ///
    /// Pseudonymised data is de-identified, not anonymised: whoever holds the key can link it again.
    case pseudonymise
    /// Hide most of the value's characters; see ``Masker``.
    case mask
    /// Make the value coarser; see ``Generaliser``.
    case generalise(Generalisation)

    /// The action's name as it appears in audit reports, e.g. `mask` or `generalise.dateToMonth`.
    public var ruleName: String {
        switch self {
        case .keep: "keep"
        case .drop: "drop"
        case .pseudonymise: "pseudonymise"
        case .mask: "mask"
        case .generalise(let generalisation): "generalise.\(generalisation.ruleName)"
        }
    }
}

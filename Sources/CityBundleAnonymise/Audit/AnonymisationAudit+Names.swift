/// Keeping values out of the names an audit records.
extension AnonymisationAudit {
    /// `name` as recorded: ``redactedName`` when it contains personal information, control characters replaced by
    /// spaces, cut to ``maximumNameLength`` characters (the cut marked with `…`).
    static func safeName(_ name: String) -> String {
        if PIIDetector.mayContainPII(name) && !PIIDetector().findAll(in: name).isEmpty { return redactedName }
        let isControl: (Unicode.Scalar) -> Bool = { $0.properties.generalCategory == .control }
        if !name.unicodeScalars.contains(where: isControl) && name.unicodeScalars.count <= maximumNameLength {
            return name
        }
        var cleaned = String(
            String.UnicodeScalarView(name.unicodeScalars.map { isControl($0) ? " " : $0 }))
        if cleaned.count > maximumNameLength { cleaned = String(cleaned.prefix(maximumNameLength - 1)) + "…" }
        return cleaned
    }
}

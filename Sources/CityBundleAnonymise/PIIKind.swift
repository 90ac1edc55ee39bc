/// A kind of personal information the detectors recognise inside text.
///
/// The raw values are stable: they name the kinds in pipeline files, audit reports and logs.
public enum PIIKind: String, CaseIterable, Codable, CodingKeyRepresentable, Sendable {
    /// A mainland mobile number (`13812345678`, `+86 138 1234 5678`).
    case mobile
    /// A fixed-line number with its area code (`027-87654321`, `(027)88888888`).
    case landline
    /// An 18-character resident identity number (GB 11643) whose check character verifies.
    case residentID
    /// A 15-digit first-generation resident identity number.
    case legacyResidentID
    /// An e-mail address.
    case email
    /// A mainland vehicle licence plate (`鄂A12345`, `鄂AD12345`).
    case licencePlate
    /// A bank card number of 16 to 19 digits that passes the Luhn check.
    case bankCard
    /// A Chinese passport number, recognised only next to a context word or in a passport field.
    case passport
}

/// Who owns a bundle and on what terms it may be used: the data-asset rights confirmation (确权).
public struct RightsInfo: Sendable, Hashable, Codable {
    /// The rights holder (`Wuhan Municipal Bureau of Natural Resources and Planning`).
    public var owner: String
    /// How to reach the rights holder (an e-mail address or URL).
    public var contact: String
    /// The usage terms in plain words.
    public var usageTerms: String
    /// The licence declared for the bundle as a whole, as an SPDX identifier.
    public var license: String
    /// A data-asset registration or rights-confirmation reference (数据资产登记 / 确权 number), when there is one.
    public var registration: String?

    /// Rights information; every argument is a member of the same name.
    public init(owner: String, contact: String, usageTerms: String, license: String, registration: String? = nil) {
        self.owner = owner
        self.contact = contact
        self.usageTerms = usageTerms
        self.license = license
        self.registration = registration
    }
}

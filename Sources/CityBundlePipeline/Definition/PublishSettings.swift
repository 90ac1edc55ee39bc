/// Who owns the data and on what terms it may be used (data-asset rights confirmation, 确权).
public struct RightsSettings: Sendable, Equatable {
    public var owner: String
    public var contact: String
    public var terms: String
    /// The bundle's licence (SPDX id); each source keeps its own `licence`.
    public var licence: String
    /// A registration number for the data asset, when one has been issued.
    public var registration: String?

    public init(owner: String, contact: String, terms: String, licence: String, registration: String? = nil) {
        self.owner = owner
        self.contact = contact
        self.terms = terms
        self.licence = licence
        self.registration = registration
    }
}

/// The `publish:` section: versioned, signed bundles instead of plain files.
public struct PublishSettings: Sendable, Equatable {
    /// The bundle id (default: the pipeline id).
    public var bundle: String?
    public var rights: RightsSettings
    /// Keep only this many versions (the latest is always kept).
    public var keepVersions: Int?
    /// Refuse a version in which a source lost more than this share of its features (default 0.1).
    public var maxFeatureLoss: Double
    /// The map review number (审图号) when the published maps have one.
    public var mapReviewNumber: String?

    public init(bundle: String? = nil, rights: RightsSettings, keepVersions: Int? = nil, maxFeatureLoss: Double = 0.1) {
        self.bundle = bundle
        self.rights = rights
        self.keepVersions = keepVersions
        self.maxFeatureLoss = maxFeatureLoss
    }
}

extension PublishSettings {
    static let keys = ["bundle", "rights", "keep_versions", "max_feature_loss", "map_review_number"]
    static let rightsKeys = ["owner", "contact", "terms", "licence", "registration"]

    static func decode(_ value: YAMLValue) throws(PipelineConfigError) -> PublishSettings {
        let mapping = try value.mapping(allowedKeys: keys)
        let rights = try mapping.mapping("rights", allowedKeys: rightsKeys)
        var settings = PublishSettings(
            bundle: try mapping.optionalString("bundle"),
            rights: RightsSettings(
                owner: try rights.string("owner"), contact: try rights.string("contact"),
                terms: try rights.string("terms"), licence: try rights.string("licence"),
                registration: try rights.optionalString("registration")))
        if let bundle = settings.bundle, !PipelineLoader.isIdentifier(bundle) {
            throw try mapping.required("bundle").error(
                "'\(bundle)' is not a valid id", hint: "lower-case letters, digits, - and _")
        }
        settings.mapReviewNumber = try mapping.optionalString("map_review_number")
        if let keep = try mapping.optionalInt("keep_versions") {
            guard keep >= 1 else {
                throw try mapping.required("keep_versions").error("keep_versions must be at least 1")
            }
            settings.keepVersions = keep
        }
        if let loss = try mapping.optionalDouble("max_feature_loss") {
            guard (0...1).contains(loss) else {
                throw try mapping.required("max_feature_loss").error("max_feature_loss must be between 0 and 1")
            }
            settings.maxFeatureLoss = loss
        }
        return settings
    }
}

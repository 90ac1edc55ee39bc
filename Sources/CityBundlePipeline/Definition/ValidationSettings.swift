import CityBundleModel

/// What a validation rule does with a feature that breaks it.
public enum RulePolicy: String, CaseIterable, Sendable {
    /// The feature goes to quarantine.
    case error
    /// The feature is published and the finding reported.
    case warn
    /// The problem is repaired, and the repair recorded against the feature.
    case fix
    /// The rule is not checked.
    case off
}

/// Every validation rule, by its stable name (used in pipeline files, reports and CI annotations).
public enum RuleID: String, CaseIterable, Sendable, Codable, Comparable {
    case geometryNull = "geometry.null"
    case geometryEmpty = "geometry.empty"
    case geometryType = "geometry.type"
    case geometryInvalid = "geometry.invalid"
    case geometryDuplicate = "geometry.duplicate"
    case geometryMinSize = "geometry.min-size"
    case coordinatesNonFinite = "coordinates.non-finite"
    case coordinatesRange = "coordinates.range"
    case coordinatesSwapped = "coordinates.swapped"
    case coordinatesOutsideExtent = "coordinates.outside-extent"
    case coordinatesZRange = "coordinates.z-range"
    case ringUnclosed = "ring.unclosed"
    case ringTooFewPoints = "ring.too-few-points"
    case ringRepeatedPoints = "ring.repeated-points"
    case ringSpike = "ring.spike"
    case ringWinding = "ring.winding"
    case idDuplicate = "id.duplicate"
    case heightMissing = "attribute.height-missing"
    case heightRange = "attribute.height-range"
    case floorsRange = "attribute.floors-range"
    case attributeRequired = "attribute.required"
    case attributeType = "attribute.type"
    case attributeValues = "attribute.values"
    case attributeRange = "attribute.range"
    case attributeControlCharacters = "attribute.control-characters"
    case solidNonPlanar = "solid.non-planar"
    case solidNotClosed = "solid.not-closed"

    /// Rules that can repair what they find (`policy: fix`).
    public var isFixable: Bool {
        switch self {
        case .geometryInvalid, .coordinatesSwapped, .ringUnclosed, .ringRepeatedPoints, .ringSpike, .ringWinding,
            .attributeControlCharacters:
            true
        default: false
        }
    }

    /// Rules whose setting takes a `min` / `max`.
    public var takesRange: Bool {
        [.heightRange, .floorsRange, .geometryMinSize, .coordinatesZRange, .solidNonPlanar].contains(self)
    }

    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A rule's setting in a pipeline file: `rule: error` or `rule: {policy: error, min: 0, max: 700}`.
public struct RuleSetting: Sendable, Equatable {
    public var policy: RulePolicy?
    public var min: Double?
    public var max: Double?

    public init(policy: RulePolicy? = nil, min: Double? = nil, max: Double? = nil) {
        self.policy = policy
        self.min = min
        self.max = max
    }
}

/// The value types an attribute may be required to have.
public enum AttributeType: String, CaseIterable, Sendable {
    case string, integer, number, boolean
}

/// Checks on one attribute, from `validation.attributes.<field>`.
public struct AttributeRule: Sendable, Equatable {
    public var field: String
    public var type: AttributeType?
    public var required: Bool
    /// The allowed values (compared as text), when the field is an enumeration.
    public var values: [String]?
    public var min: Double?
    public var max: Double?

    public init(
        field: String, type: AttributeType? = nil, required: Bool = false, values: [String]? = nil, min: Double? = nil,
        max: Double? = nil
    ) {
        self.field = field
        self.type = type
        self.required = required
        self.values = values
        self.min = min
        self.max = max
    }
}

/// The `validation:` section of a pipeline or of one source (the source's settings win).
public struct ValidationSettings: Sendable, Equatable {
    /// Errors a source may have before the run fails and nothing is published.
    public var maxErrors: Int?
    /// Share of a source's features (0–1) that may be errors before the run fails.
    public var maxErrorShare: Double?
    public var rules: [RuleID: RuleSetting]
    public var attributes: [AttributeRule]

    public init(
        maxErrors: Int? = nil, maxErrorShare: Double? = nil, rules: [RuleID: RuleSetting] = [:],
        attributes: [AttributeRule] = []
    ) {
        self.maxErrors = maxErrors
        self.maxErrorShare = maxErrorShare
        self.rules = rules
        self.attributes = attributes
    }

    /// These settings applied on top of `base`: anything set here wins.
    public func overriding(_ base: ValidationSettings) -> ValidationSettings {
        var result = base
        result.maxErrors = maxErrors ?? base.maxErrors
        result.maxErrorShare = maxErrorShare ?? base.maxErrorShare
        for (rule, setting) in rules {
            let old = base.rules[rule] ?? RuleSetting()
            result.rules[rule] = RuleSetting(
                policy: setting.policy ?? old.policy, min: setting.min ?? old.min, max: setting.max ?? old.max)
        }
        let overridden = Set(attributes.map(\.field))
        result.attributes = base.attributes.filter { !overridden.contains($0.field) } + attributes
        return result
    }
}

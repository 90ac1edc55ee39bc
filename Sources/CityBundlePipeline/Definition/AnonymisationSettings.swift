import Yams

/// What happens to one field: the `anonymise.fields` values of a pipeline file.
public enum FieldPolicy: Sendable, Equatable {
    case keep
    case drop
    /// Keyed HMAC-SHA-256 pseudonym, stable for one key.
    case pseudonymise
    /// Partial masking (`138****5678`).
    case mask
    /// Round numbers to a step.
    case roundTo(Double)
    case dateToMonth
    case dateToYear
    /// A Chinese address cut after its district (区/县/市).
    case addressToDistrict
}

/// What a detector does when it finds personal information inside a kept value.
public enum DetectorPolicy: String, CaseIterable, Sendable {
    /// Mask what was found, keep the rest of the text (the default).
    case mask
    /// Drop the whole field from that feature.
    case drop
    /// Do not look for this kind.
    case off
}

/// What happens to features inside restricted zones.
public enum ZonePolicy: String, CaseIterable, Sendable {
    /// The feature is not published.
    case drop
    /// Its geometry is replaced by a point on a 1 km grid.
    case generalise
}

/// The `anonymise:` section of a pipeline (defaults) or of one source (which wins).
public struct AnonymisationSettings: Sendable, Equatable {
    /// Publish fields no policy names (default false: deny by default).
    public var keepUnlisted: Bool?
    /// Policies per source field, in file order.
    public var fields: [(name: String, policy: FieldPolicy)]
    /// Detector kinds (mobile, landline, resident_id, legacy_resident_id, email, licence_plate, bank_card, passport).
    public var detectors: [String: DetectorPolicy]
    /// Environment variable holding the pseudonym key.
    public var keyEnvironment: String?
    /// File holding the pseudonym key (mode 0600).
    public var keyFile: String?
    /// Coordinates snapped to a grid of this many metres.
    public var precisionMetres: Double?
    /// Polygons of areas whose features must not be published as they are.
    public var restrictedZones: String?
    public var zonePolicy: ZonePolicy?
    /// Features whose `forbiddenField` holds one of `forbiddenValues` are dropped (content public maps must not show).
    public var forbiddenField: String?
    public var forbiddenValues: [String]

    public init(
        keepUnlisted: Bool? = nil, fields: [(name: String, policy: FieldPolicy)] = [],
        detectors: [String: DetectorPolicy] = [:],
        keyEnvironment: String? = nil, keyFile: String? = nil, precisionMetres: Double? = nil,
        restrictedZones: String? = nil, zonePolicy: ZonePolicy? = nil, forbiddenField: String? = nil,
        forbiddenValues: [String] = []
    ) {
        self.keepUnlisted = keepUnlisted
        self.fields = fields
        self.detectors = detectors
        self.keyEnvironment = keyEnvironment
        self.keyFile = keyFile
        self.precisionMetres = precisionMetres
        self.restrictedZones = restrictedZones
        self.zonePolicy = zonePolicy
        self.forbiddenField = forbiddenField
        self.forbiddenValues = forbiddenValues
    }

    public static func == (lhs: AnonymisationSettings, rhs: AnonymisationSettings) -> Bool {
        lhs.keepUnlisted == rhs.keepUnlisted && lhs.fields.map(\.name) == rhs.fields.map(\.name)
            && lhs.fields.map(\.policy) == rhs.fields.map(\.policy) && lhs.detectors == rhs.detectors
            && lhs.keyEnvironment == rhs.keyEnvironment && lhs.keyFile == rhs.keyFile
            && lhs.precisionMetres == rhs.precisionMetres && lhs.restrictedZones == rhs.restrictedZones
            && lhs.zonePolicy == rhs.zonePolicy && lhs.forbiddenField == rhs.forbiddenField
            && lhs.forbiddenValues == rhs.forbiddenValues
    }

    /// These settings on top of `base`: anything set here wins; field policies merge by name.
    public func overriding(_ base: AnonymisationSettings) -> AnonymisationSettings {
        var result = base
        result.keepUnlisted = keepUnlisted ?? base.keepUnlisted
        let names = Set(fields.map(\.name))
        result.fields = base.fields.filter { !names.contains($0.name) } + fields
        result.detectors.merge(detectors) { $1 }
        result.keyEnvironment = keyEnvironment ?? base.keyEnvironment
        result.keyFile = keyFile ?? base.keyFile
        result.precisionMetres = precisionMetres ?? base.precisionMetres
        result.restrictedZones = restrictedZones ?? base.restrictedZones
        result.zonePolicy = zonePolicy ?? base.zonePolicy
        result.forbiddenField = forbiddenField ?? base.forbiddenField
        result.forbiddenValues = forbiddenValues.isEmpty ? base.forbiddenValues : forbiddenValues
        return result
    }
}

extension AnonymisationSettings {
    static let keys = [
        "keep_unlisted", "fields", "detectors", "key_env", "key_file", "precision", "restricted_zones", "forbidden",
    ]
    static let detectorKinds = [
        "mobile", "landline", "resident_id", "legacy_resident_id", "email", "licence_plate", "bank_card", "passport",
    ]

    static func decode(_ value: YAMLValue, directory: String) throws(PipelineConfigError) -> AnonymisationSettings {
        let mapping = try value.mapping(allowedKeys: keys)
        var settings = AnonymisationSettings()
        if mapping.contains("keep_unlisted") {
            settings.keepUnlisted = try mapping.bool("keep_unlisted", default: false)
        }
        if let fields = mapping.optional("fields") {
            let entries = try fields.mapping(allowedKeys: fields.mappingKeys())
            for name in entries.keys {
                settings.fields.append((name, try decodePolicy(try entries.required(name))))
            }
        }
        if let detectors = try mapping.optionalMapping("detectors", allowedKeys: detectorKinds) {
            for kind in detectors.keys {
                settings.detectors[kind] = try detectors.oneOf(kind, DetectorPolicy.self)
            }
        }
        settings.keyEnvironment = try mapping.optionalString("key_env")
        settings.keyFile = try mapping.optionalString("key_file").map { PipelinePath.resolve($0, against: directory) }
        if let precision = try mapping.optionalDouble("precision") {
            guard precision > 0, precision <= 10_000 else {
                throw try mapping.required("precision").error("precision must be between 0 and 10000 metres")
            }
            settings.precisionMetres = precision
        }
        if let zones = try mapping.optionalMapping("restricted_zones", allowedKeys: ["path", "action"]) {
            settings.restrictedZones = PipelinePath.resolve(try zones.string("path"), against: directory)
            settings.zonePolicy = try zones.optionalOneOf("action", ZonePolicy.self) ?? .drop
        }
        if let forbidden = try mapping.optionalMapping("forbidden", allowedKeys: ["field", "values"]) {
            settings.forbiddenField = try forbidden.string("field")
            settings.forbiddenValues = try forbidden.list("values").map { item throws(PipelineConfigError) in
                try item.scalarText()
            }
        }
        return settings
    }

    /// `drop`, `keep`, `mask`, `pseudonymise`, or `{generalise: year | month | district | {round: STEP}}`.
    private static func decodePolicy(_ value: YAMLValue) throws(PipelineConfigError) -> FieldPolicy {
        if case .mapping = value.node {
            let entry = try value.mapping(allowedKeys: ["generalise"])
            let rule = try entry.required("generalise")
            if case .mapping = rule.node {
                let round = try rule.mapping(allowedKeys: ["round"])
                let step = try round.double("round")
                guard step > 0, step.isFinite else { throw try round.required("round").error("round must be above 0") }
                return .roundTo(step)
            }
            switch try rule.string() {
            case "year": return .dateToYear
            case "month": return .dateToMonth
            case "district": return .addressToDistrict
            default:
                throw rule.error("unknown generalisation", hint: "use year, month, district or {round: STEP}")
            }
        }
        switch try value.string() {
        case "keep": return .keep
        case "drop": return .drop
        case "mask": return .mask
        case "pseudonymise", "pseudonymize": return .pseudonymise
        default:
            throw value.error(
                "unknown field policy",
                hint: "use keep, drop, mask, pseudonymise or {generalise: year|month|district|{round: N}}")
        }
    }
}

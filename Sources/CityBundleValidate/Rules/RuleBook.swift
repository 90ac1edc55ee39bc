public import CityBundleModel
public import CityBundlePipeline

/// The rules in force for one source: defaults for its kind, then the pipeline's and the source's
/// own settings. Defaults are what a GIS data manager would choose for open data.
public struct RuleBook: Sendable {
    public let kind: DataKind
    public let settings: ValidationSettings
    /// The pipeline's extent, for outside-extent and swapped-axes checks.
    public let extent: BoundingBox?

    public init(kind: DataKind, settings: ValidationSettings = ValidationSettings(), extent: BoundingBox? = nil) {
        self.kind = kind
        self.settings = settings
        self.extent = extent
    }

    /// The policy for `rule`.
    public func policy(_ rule: RuleID) -> RulePolicy {
        settings.rules[rule]?.policy ?? RuleBook.defaultPolicy(rule, kind: kind)
    }

    /// The lower bound of a range rule.
    public func minimum(_ rule: RuleID) -> Double? {
        settings.rules[rule]?.min ?? RuleBook.defaultRange(rule, kind: kind).min
    }

    /// The upper bound of a range rule.
    public func maximum(_ rule: RuleID) -> Double? {
        settings.rules[rule]?.max ?? RuleBook.defaultRange(rule, kind: kind).max
    }

    /// The geometry types a kind allows.
    public var allowedGeometryTypes: Set<String>? {
        switch kind {
        case .building: ["Polygon", "MultiPolygon"]
        case .scenicSite: ["Point", "MultiPoint", "Polygon", "MultiPolygon"]
        case .geospatial: nil
        }
    }

    static func defaultPolicy(_ rule: RuleID, kind: DataKind) -> RulePolicy {
        switch rule {
        case .ringUnclosed, .ringRepeatedPoints, .ringWinding, .attributeControlCharacters: .fix
        case .ringSpike, .heightMissing, .geometryMinSize, .solidNonPlanar, .solidNotClosed: .warn
        case .geometryNull: kind == .geospatial ? .warn : .error
        case .geometryDuplicate: kind == .building ? .error : .warn
        case .attributeRequired, .attributeType, .attributeValues, .attributeRange: .error
        default: .error
        }
    }

    static func defaultRange(_ rule: RuleID, kind: DataKind) -> (min: Double?, max: Double?) {
        switch rule {
        // The tallest building in the world is 828 m; Wuhan's tallest is 438 m.
        case .heightRange: (0, 700)
        case .floorsRange: (0, 200)
        // Heights in metres: below the Dead Sea or above Everest is an error.
        case .coordinatesZRange: (-500, 9000)
        // Metres a vertex of a 3D surface may lie off the surface's plane.
        case .solidNonPlanar: (nil, 0.01)
        // Square metres for areas (a building smaller than a phone box is suspicious), metres for lines.
        case .geometryMinSize: (kind == .building ? 2 : 0.01, nil)
        default: (nil, nil)
        }
    }
}

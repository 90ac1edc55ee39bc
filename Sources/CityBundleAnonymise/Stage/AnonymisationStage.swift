public import CityBundleModel
public import CityBundlePipeline
import Foundation
import GDALKit

/// The anonymisation stage: per-field policies (deny by default), PII detectors on every kept
/// string, forbidden content and restricted zones, and coordinate precision reduction. It records
/// what it did in an audit that never holds a value.
public final class AnonymisationStage: FeatureTransform {
    public let name = "anonymise"
    /// What was done, per field and detector, with no raw value.
    public private(set) var audit = AnonymisationAudit()
    /// How far coordinates moved when precision was reduced.
    public private(set) var displacement = DisplacementStatistics()
    /// Features removed, by reason.
    public private(set) var dropped: [String: Int] = [:]
    /// Features whose geometry this stage changed (they must be checked again).
    public private(set) var geometriesChanged = 0

    private let policy: AnonymisationPolicy
    private let anonymiser: ValueAnonymiser
    private let grid: CoordinateGrid?
    private let zones: [(bounds: BoundingBox, geometry: Geometry)]

    /// - Parameter zones: restricted-zone polygons in WGS 84 (read by the caller from the configured file).
    public init(policy: AnonymisationPolicy, zones: [Geometry] = []) {
        self.policy = policy
        anonymiser = ValueAnonymiser(key: policy.key)
        grid = policy.settings.precisionMetres.map(CoordinateGrid.init)
        self.zones = zones.compactMap { geometry in geometry.bounds.map { ($0, geometry) } }
    }

    /// The number of features this stage removed.
    public var droppedCount: Int { dropped.values.reduce(0, +) }

    public func apply(_ feature: Feature) throws -> Feature? {
        if let field = policy.settings.forbiddenField, let value = feature.properties[field]?.textValue,
            policy.settings.forbiddenValues.contains(value)
        {
            return drop("content public maps must not show (\(field))")
        }
        var output = feature
        if let geometry = feature.geometry, !zones.isEmpty, let bounds = geometry.bounds,
            zones.contains(where: {
                $0.bounds.intersects(bounds) && GeometryRelations.intersects($0.geometry, geometry)
            })
        {
            if policy.settings.zonePolicy == .generalise {
                output.geometry = .point(
                    CoordinateGrid(metres: 1000).snap(
                        Position((bounds.minX + bounds.maxX) / 2, (bounds.minY + bounds.maxY) / 2)
                    ).0)
                geometriesChanged += 1
                audit.recordDroppedFeatures(reason: "generalised: inside a restricted zone", count: 0)
            } else {
                return drop("inside a restricted zone")
            }
        }
        var properties: [Property] = []
        for property in feature.properties {
            let action = policy.action(for: property.name)
            guard var value = try anonymiser.apply(action, to: property.value, field: property.name, audit: &audit)
            else {
                continue
            }
            if case .string(let text) = value, !policy.dropKinds.isEmpty,
                !PIIDetector(kinds: policy.dropKinds).findAll(in: text, fieldName: property.name).isEmpty
            {
                audit.recordValue(field: property.name, action: .drop, changed: true)
                continue
            }
            value = anonymiser.scrub(value, field: property.name, kinds: policy.maskKinds, audit: &audit)
            properties.append(Property(property.name, value))
        }
        output.properties = Properties(properties)
        if let id = output.id,
            case .string(let scrubbed) = anonymiser.scrub(
                .string(id), field: "id", kinds: policy.maskKinds, audit: &audit)
        {
            output.id = scrubbed
        }
        if let grid, let geometry = output.geometry {
            output.geometry = geometry.mapPositions { position in
                let (snapped, distance) = grid.snap(position)
                displacement.record(distance)
                return snapped
            }
            if output.geometry != geometry { geometriesChanged += 1 }
        }
        return output
    }

    private func drop(_ reason: String) -> Feature? {
        dropped[reason, default: 0] += 1
        audit.recordDroppedFeatures(reason: reason)
        return nil
    }
}

public import CityBundleModel
import CityBundlePipeline

/// Applies every rule of a `RuleBook` to features of one source, in order: attributes, geometry
/// presence and type, coordinates, rings, validity and size, then uniqueness.
public struct FeatureChecker {
    public let book: RuleBook
    private var uniqueness = UniquenessIndex()

    public init(book: RuleBook) {
        self.book = book
    }

    /// The verdict on one feature.
    public struct Result: Sendable {
        /// The feature with repairs applied.
        public var feature: Feature
        public var findings: [Finding]
        /// True when an error-policy rule failed: the feature goes to quarantine.
        public var rejected: Bool
    }

    public mutating func check(_ feature: Feature) -> Result {
        var findings: [Finding] = []
        var output = feature
        var rejected = AttributeRules(book: book).check(&output.properties, into: &findings)
        let presence = GeometryRules(book: book).check(output.geometry, into: &findings)
        rejected = rejected || presence.rejected
        if !presence.rejected, var geometry = presence.geometry, !geometry.isEmpty {
            switch CoordinateRules(book: book).check(geometry, into: &findings) {
            case .reject:
                rejected = true
            case .keep(let checked):
                geometry = RingRules(book: book).check(checked, into: &findings)
                if !findings.contains(where: { $0.severity == .error }) {
                    let valid = GeometryRules(book: book).checkValidity(geometry, into: &findings)
                    rejected = rejected || valid.rejected
                    geometry = valid.geometry
                }
                output.geometry = geometry
            }
        }
        if !output.surfaces.isEmpty {
            rejected = SolidRules(book: book).check(output.surfaces, into: &findings) || rejected
        }
        rejected = rejected || findings.contains { $0.severity == .error }
        if !rejected {
            rejected = checkUniqueness(output, into: &findings)
        }
        return Result(feature: output, findings: findings, rejected: rejected)
    }

    private mutating func checkUniqueness(_ feature: Feature, into findings: inout [Finding]) -> Bool {
        var rejected = false
        if book.policy(.idDuplicate) != .off, let id = feature.id, !uniqueness.insert(id: id) {
            rejected =
                FindingPolicy.add(
                    .idDuplicate, "the id was already used by an earlier feature of this source",
                    hint: "ids must be unique; the first feature with this id is kept", book: book, to: &findings)
                || rejected
        }
        if !rejected, book.policy(.geometryDuplicate) != .off, let geometry = feature.geometry,
            !uniqueness.insert(geometry: geometry)
        {
            rejected =
                FindingPolicy.add(
                    .geometryDuplicate, "the geometry equals an earlier feature's (to 1 cm)", book: book,
                    to: &findings) || rejected
        }
        return rejected
    }
}

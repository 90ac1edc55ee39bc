import CityBundleAnonymise
import CityBundleIngest
import CityBundleModel
import CityBundlePipeline
import CityBundleValidate

/// Builds a source's anonymisation stage from the pipeline's and the source's settings.
enum AnonymisationStages {
    /// The properties CityBundle's field mapping produces: kept (and scanned) unless a policy says otherwise.
    static let standardFields: Set<String> = ["name", "height", "floors", "min_height"]

    static func make(for source: SourceDefinition, pipeline: PipelineDefinition) throws -> AnonymisationStage {
        let settings = source.anonymise.overriding(pipeline.anonymise)
        let policy = try AnonymisationPolicy(settings: settings, standardFields: standardFields)
        return AnonymisationStage(policy: policy, zones: try zones(settings, pipeline: pipeline))
    }

    /// The restricted-zone polygons, in WGS 84.
    static func zones(_ settings: AnonymisationSettings, pipeline: PipelineDefinition) throws -> [Geometry] {
        guard let path = settings.restrictedZones else { return [] }
        let definition = SourceDefinition(
            id: "restricted_zones", path: path, resolvedPath: path, kind: .geospatial, line: 0)
        let reader = try GDALFeatureSource(definition, extent: nil, assumeWGS84: pipeline.assumeWGS84)
        var zones: [Geometry] = []
        try reader.read(batchSize: 256) { batch in zones += batch.compactMap(\.geometry) }
        return zones
    }
}

extension RuleBook {
    /// The geometry rules of `book` only, for checking geometries a later stage changed: attribute
    /// and duplicate checks already ran, and the findings would only repeat.
    static func geometryRecheck(of book: RuleBook) -> RuleBook {
        var settings = book.settings
        for rule in [
            RuleID.idDuplicate, .geometryDuplicate, .heightMissing, .heightRange, .floorsRange, .attributeRequired,
            .attributeType, .attributeValues, .attributeRange, .attributeControlCharacters, .geometryMinSize,
            .coordinatesOutsideExtent, .coordinatesSwapped,
        ] {
            settings.rules[rule] = RuleSetting(policy: .off)
        }
        return RuleBook(kind: book.kind, settings: settings, extent: book.extent)
    }
}

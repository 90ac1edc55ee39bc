import CityBundleIngest
public import CityBundleModel
public import CityBundlePipeline
public import CityBundleValidate

/// `citybundle validate`: checks sources without publishing anything or writing quarantine files.
public struct ValidationRun {
    public var sources: [SourceDefinition]
    public var settings: ValidationSettings
    public var extent: BoundingBox?
    public var assumeWGS84: Bool

    public init(sources: [SourceDefinition], settings: ValidationSettings, extent: BoundingBox?, assumeWGS84: Bool) {
        self.sources = sources
        self.settings = settings
        self.extent = extent
        self.assumeWGS84 = assumeWGS84
    }

    /// Validates every source in turn. A source that cannot be opened at all is reported as one
    /// error finding (rule `source.unreadable`) so CI sees every problem in one run.
    public func execute() -> ValidationReport {
        ValidationReport(sources: sources.map(validate))
    }

    private func validate(_ source: SourceDefinition) -> SourceValidation {
        let book = RuleBook(kind: source.kind, settings: source.validation.overriding(settings), extent: extent)
        var structure: StructureReport?
        do {
            structure = try StructureCheck.report(for: source)
        } catch {
            var report = SourceValidation(source: source.id, file: source.path)
            report.record(
                FeatureFinding(file: source.path, rule: "source.unreadable", severity: .error, message: "\(error)"))
            return report
        }
        let stage = ValidationStage(
            source: source.id, file: source.path, book: book, quarantinePath: nil, structure: structure)
        if let structure, StructureCheck.fileError(in: structure, source: source) != nil {
            // GDAL would guess its way through a file that is not JSON or not GeoJSON: stop at the
            // structural findings, which name the lines to fix.
            return stage.report
        }
        do {
            let reader = try SourceReaders.open(source, extent: nil, assumeWGS84: assumeWGS84).reader
            var sinks: [any FeatureSink] = []
            _ = try StreamRunner().run(name: source.id, source: reader, transforms: [stage], sinks: &sinks)
            return stage.report
        } catch {
            var report = stage.report
            report.record(
                FeatureFinding(
                    file: source.path, rule: "source.unreadable", severity: .error, message: "\(error)"))
            return report
        }
    }

    /// Only the RFC 7946 structure check of each GeoJSON source: streaming, memory bounded by one feature.
    public static func structureOnly(_ sources: [SourceDefinition]) throws -> ValidationReport {
        ValidationReport(
            sources: try sources.map { source in
                var report = SourceValidation(source: source.id, file: source.path)
                for issue in try StructureCheck.report(for: source)?.issues ?? [] {
                    report.record(FeatureFinding(issue, file: source.path))
                }
                return report
            })
    }
}

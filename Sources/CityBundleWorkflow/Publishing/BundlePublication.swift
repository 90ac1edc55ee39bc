import CityBundleIngest
import CityBundleModel
import CityBundlePipeline
import CityBundlePublish
import CityBundleValidate
import Crypto
import Foundation
import GDALKit

/// Turns a run's staged outputs into a new signed version of the pipeline's bundle — or into
/// nothing when no feature changed since the published latest version.
struct BundlePublication {
    let definition: PipelineDefinition
    let settings: PublishSettings
    let root: String
    let key: SigningKey
    let options: PublishOptions

    var bundle: String { settings.bundle ?? definition.id }

    func publish(staging: String, sources: [SourceSummary], schemas: [String: [(name: String, type: String)]])
        throws -> PublicationOutcome
    {
        let previous = previousVersion()
        let layerFiles = Dictionary(uniqueKeysWithValues: sources.map { ($0.id, "\(staging)/\($0.id).geojson") })
        let previousFiles =
            previous.map { version in
                Dictionary(
                    uniqueKeysWithValues: sources.map { ($0.id, "\(root)/\(bundle)/\(version)/\($0.id).geojson") }
                        .filter { FileManager.default.fileExists(atPath: $0.1) })
            } ?? [:]
        let changes = try FeatureChangeLog.compare(
            layers: layerFiles, previous: previousFiles, previousVersion: previous)
        if let previous, changes.isEmpty, Set(previousFiles.keys) == Set(layerFiles.keys), !options.force {
            return PublicationOutcome(
                bundle: bundle, version: previous, published: false, summary: "no changes since \(previous)",
                changes: changes, warnings: [])
        }
        // Each layer also as FlatGeobuf with a spatial index, for GIS users and bbox queries.
        var sources = sources
        for index in sources.indices where !sources[index].files.isEmpty {
            let layer = sources[index]
            let geojson = "\(staging)/\(layer.id).geojson"
            guard FileManager.default.fileExists(atPath: geojson), layer.counts.written > 0 else { continue }
            let fgb = "\(staging)/\(layer.id).fgb"
            try VectorTranslate.flatGeobuf(from: geojson, to: fgb, layerName: layer.id)
            let size = (try? FileManager.default.attributesOfItem(atPath: fgb)[.size] as? Int64) ?? 0
            sources[index].files.append(WrittenFile(path: fgb, features: layer.counts.written, bytes: size))
        }
        try Data(changes.json).write(to: URL(fileURLWithPath: "\(staging)/changes.json"))
        try Data(changes.markdown.utf8).write(to: URL(fileURLWithPath: "\(staging)/CHANGES.md"))

        let request = PublishRequest(
            root: root, bundleID: bundle, title: definition.title,
            description: definition.description ?? definition.title,
            version: options.version, stagingDirectory: staging,
            layers: sources.map { layer($0, schema: schemas[$0.id] ?? [], staging: staging) },
            rights: RightsInfo(
                owner: settings.rights.owner, contact: settings.rights.contact, usageTerms: settings.rights.terms,
                license: settings.rights.licence, registration: settings.rights.registration),
            provenance: try Provenance.document(
                definition: definition, sources: sources, version: options.citybundleVersion),
            signingKey: key,
            gate: PublishGate(maxFeatureLossShare: settings.maxFeatureLoss, force: options.force),
            retainVersions: settings.keepVersions, documents: ["changes.json", "CHANGES.md"])
        let result = try BundlePublisher().publish(request)
        return PublicationOutcome(
            bundle: bundle, version: result.version, published: !result.isNoOp, summary: result.summary,
            changes: changes,
            warnings: result.warnings)
    }

    private func previousVersion() -> String? {
        let path = "\(root)/\(bundle)/latest.json"
        guard let data = FileManager.default.contents(atPath: path),
            let latest = try? JSONDecoder().decode(LatestPointer.self, from: data)
        else { return nil }
        return latest.version
    }

    private func layer(_ source: SourceSummary, schema: [(name: String, type: String)], staging: String) -> LayerInfo {
        let definition = self.definition.sources.first { $0.id == source.id }
        let bounds = source.files.compactMap(\.bounds).first ?? BoundingBox(minX: -180, minY: -90, maxX: 180, maxY: 90)
        return LayerInfo(
            id: source.id, title: definition?.title ?? source.id, kind: definition?.kind ?? .geospatial,
            files: source.files.map { file in
                LayerFile(
                    file.path.hasPrefix(staging + "/") ? String(file.path.dropFirst(staging.count + 1)) : file.path)
            },
            featureCount: source.counts.written, bbox: bounds,
            license: definition?.licence ?? settings.rights.licence,
            attribution: definition?.attribution ?? settings.rights.owner, source: source.path,
            fields: [SchemaField("id", .string)]
                + schema.map { SchemaField($0.name, SchemaField.FieldType(rawValue: $0.type) ?? .any) })
    }
}

/// Options of one publication, from the command line.
public struct PublishOptions: Sendable {
    /// The version to publish (default: today's date, `YYYY.MM.DD[.N]`).
    public var version: String?
    /// Publish even when the feature-loss gate refuses, or nothing changed.
    public var force: Bool
    public var citybundleVersion: String

    public init(version: String? = nil, force: Bool = false, citybundleVersion: String) {
        self.version = version
        self.force = force
        self.citybundleVersion = citybundleVersion
    }
}

/// What publishing did.
public struct PublicationOutcome: Sendable {
    public var bundle: String
    public var version: String
    /// False when nothing changed and nothing was published.
    public var published: Bool
    public var summary: String
    var changes: FeatureChangeLog
    public var warnings: [String]

    /// Features added, removed and modified, over all layers.
    public var changeCounts: (added: Int, removed: Int, modified: Int) {
        changes.layers.values.reduce((0, 0, 0)) {
            ($0.0 + $1.added.count, $0.1 + $1.removed.count, $0.2 + $1.modified.count)
        }
    }
}

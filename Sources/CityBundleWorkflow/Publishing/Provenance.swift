import CityBundleAnonymise
import CityBundleIngest
import CityBundlePipeline
import CityBundlePublish
import CityBundleValidate
import Crypto
import Foundation
import GDALKit

/// `provenance.json`: where a version came from — input files with their SHA-256, the pipeline
/// file's hash, the software versions, the settings of each stage and the reports' summaries.
enum Provenance {
    static func document(definition: PipelineDefinition, sources: [SourceSummary], version: String) throws
        -> [String: JSONValue]
    {
        var inputs: [JSONValue] = []
        for source in definition.sources {
            for file in inputFiles(of: source) {
                inputs.append(
                    .object([
                        "source": .string(source.id), "path": .string(file.shown),
                        "sha256": .string(try sha256(file.path) ?? "unreadable"),
                    ]))
            }
        }
        let stages: [JSONValue] = sources.map { source in
            .object([
                "source": .string(source.id),
                "crs": .string(source.transformation.sourceCRS),
                "crsOrigin": .string(source.transformation.origin),
                "operation": .string(source.transformation.operation),
                "accuracyMetres": source.transformation.accuracyMetres.map(JSONValue.double) ?? .null,
                "ballpark": .bool(source.transformation.isBallpark),
                "validation": .object([
                    "checked": .int(Int64(source.validation.featuresChecked)),
                    "published": .int(Int64(source.validation.featuresPassed)),
                    "quarantined": .int(Int64(source.quarantined)),
                    "errors": .int(Int64(source.validation.errors)),
                    "warnings": .int(Int64(source.validation.warnings)),
                    "fixes": .int(Int64(source.validation.fixes)),
                    "removedByAnonymisation": .int(Int64(source.anonymisation.droppedCount)),
                    "countsByRule": .object(
                        source.validation.countsByRule.mapValues { counts in
                            .object(counts.mapValues { .int(Int64($0)) })
                        }),
                ]),
            ])
        }
        let anonymisation: [String: JSONValue] = Dictionary(
            uniqueKeysWithValues: sources.map { source in
                (source.id, (try? jsonValue(source.anonymisation)) ?? .null)
            })
        let crs = definition.outputs.crs
        var compliance: [String: JSONValue] = [
            "publishedCRS": .string(crs.label),
            "geojsonIsRFC7946": .bool(crs == .wgs84),
            "heights": .string("3D: WGS 84 ellipsoidal heights; ground = EGM96 geoid (orthometric 0), through PROJ"),
            "rulesApplied": .array(
                Array(Set(sources.flatMap { $0.anonymisation.audit.fields.values.flatMap(\.actions) })).sorted().map(
                    JSONValue.string)),
        ]
        if let review = definition.publish?.mapReviewNumber { compliance["mapReviewNumber"] = .string(review) }
        return [
            "compliance": .object(compliance),
            "anonymisation": .object(anonymisation),
            "inputs": .array(inputs),
            "pipeline": .object([
                "id": .string(definition.id), "file": .string(definition.file),
                "sha256": .string(try sha256(definition.file) ?? "unreadable"),
            ]),
            "software": .object([
                "citybundle": .string(version), "gdal": .string(GDALInfo.gdalVersion),
                "proj": .string(GDALInfo.projVersion),
            ]),
            "stages": .array(stages),
        ]
    }

    /// Any Codable value as a `JSONValue`, through its JSON encoding.
    static func jsonValue(_ value: some Encodable) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
    }

    /// The files a source reads: a shapefile's sidecars too; nothing for database sources.
    static func inputFiles(of source: SourceDefinition) -> [(path: String, shown: String)] {
        guard !DatabaseConnection.isDatabase(source.resolvedPath) else { return [] }
        let path = source.resolvedPath
        guard path.lowercased().hasSuffix(".shp"), let dot = path.lastIndex(of: ".") else {
            return [(path, source.path)]
        }
        let stem = String(path[..<dot])
        let shownStem = source.path.lastIndex(of: ".").map { String(source.path[..<$0]) } ?? source.path
        return ["shp", "shx", "dbf", "prj", "cpg"].compactMap { ext in
            FileManager.default.fileExists(atPath: "\(stem).\(ext)") ? ("\(stem).\(ext)", "\(shownStem).\(ext)") : nil
        }
    }

    /// The SHA-256 of a file, read in chunks; nil when it cannot be read.
    static func sha256(_ path: String) throws -> String? {
        guard let file = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? file.close() }
        var hasher = SHA256()
        while true {
            let chunk = file.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            hasher.update(data: chunk)
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}

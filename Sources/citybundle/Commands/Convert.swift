import ArgumentParser
import CityBundleAnonymise
import CityBundleExport
import CityBundleIngest
import CityBundleModel
import CityBundlePipeline
import CityBundleWorkflow
import Foundation
import Logging

extension CityBundleCommand {
    /// `citybundle convert IN OUT`: one file, no pipeline file.
    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert one file to RFC 7946 GeoJSON in WGS 84, without a pipeline file.",
            discussion: """
                The output format follows OUTPUT's extension: .geojson (FeatureCollection), \
                .geojsonl / .geojsons / .ndjson (one feature per line), or .glb (glTF 2.0: buildings extruded \
                to their height, with EXT_mesh_features ids and an EXT_structural_metadata property table).
                Examples:
                  citybundle convert districts.shp districts.geojson --from-crs GCJ-02
                  citybundle convert poi.csv poi.geojson --lon-column 经度 --lat-column 纬度 --from-crs EPSG:4490
                  citybundle convert old.shp out.geojson --encoding GBK
                  citybundle convert buildings.geojson buildings.glb --kind building --height-field height
                """)

        @Argument(help: "The input file (GeoJSON, Shapefile, GeoPackage, CSV, KML/KMZ, OSM XML/PBF, …).")
        var input: String

        @Argument(help: "The output file; its extension picks the format.")
        var output: String

        @OptionGroup var source: SourceOptions

        @Option(help: "Decimals kept in coordinates (0–7).")
        var decimals = 7

        @Flag(
            help:
                "Do not mask personal information (phone and ID numbers, e-mail, plates, bank cards, passports) found in text values."
        )
        var keepPII = false

        @OptionGroup var logging: LoggingOptions

        func validate() throws {
            guard (0...7).contains(decimals) else { throw ValidationError("--decimals must be between 0 and 7") }
            guard OutputFormat(path: output) != nil else {
                throw ValidationError(
                    "cannot tell the output format of '\(output)': use .geojson, .geojsonl, .geojsons, .ndjson or .glb")
            }
        }

        func run() throws {
            let logger = logging.makeLogger()
            let definition = source.definition(path: input, id: "convert")
            let reader = try GDALFeatureSource(definition, extent: nil, assumeWGS84: source.assumeWGS84)
            for warning in reader.transformation.warnings { logger.warning("\(warning)") }
            logger.info(
                "converting",
                metadata: [
                    "cb.input": "\(input)", "cb.crs": "\(reader.transformation.sourceCRS)",
                    "cb.operation": "\(reader.transformation.operation)",
                ])
            let format = OutputFormat(path: output)
            var sinks: [any FeatureSink] = []
            if format == .glb {
                let url = URL(fileURLWithPath: output)
                sinks.append(
                    ThreeDSink(
                        form: .singleGLB, source: url.deletingPathExtension().lastPathComponent, kind: source.kind,
                        directory: url.deletingLastPathComponent().path, options: ThreeDOutput()))
            } else {
                sinks.append(
                    GeoJSONSink(path: output, sequence: format == .geojsonSeq, decimals: decimals, name: nil))
            }
            // Safe by default: every text value is scanned and what is found is masked.
            let scrub = AnonymisationStage(
                policy: try AnonymisationPolicy(
                    settings: AnonymisationSettings(keepUnlisted: true), standardFields: []))
            let transforms: [any FeatureTransform] = keepPII ? [] : [scrub]
            let (counts, _) = try StreamRunner().run(
                name: "convert", source: reader, transforms: transforms, sinks: &sinks)
            let masked = scrub.audit.detectorHits.values.reduce(0, +)
            logger.info(
                "converted",
                metadata: [
                    "cb.output": "\(output)", "cb.features": "\(counts.written)",
                    "cb.pii_masked": "\(keepPII ? "not checked (--keep-pii)" : "\(masked)")",
                ])
            if !keepPII && masked > 0 {
                Terminal.printError(
                    "masked personal information in \(masked) place(s) (\(scrub.audit.detectorHits.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", "))); use --keep-pii to keep it"
                )
            }
        }
    }
}

/// Output formats chosen by file extension.
enum OutputFormat: Equatable {
    case geojson, geojsonSeq, glb

    init?(path: String) {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".glb") {
            self = .glb
        } else if lowered.hasSuffix(".geojson") || lowered.hasSuffix(".json") {
            self = .geojson
        } else if [".geojsonl", ".geojsons", ".geojsonseq", ".ndjson", ".jsonl"].contains(where: lowered.hasSuffix) {
            self = .geojsonSeq
        } else {
            return nil
        }
    }
}

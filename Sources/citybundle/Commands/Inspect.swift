import ArgumentParser
import CityBundleIngest
import Foundation

extension CityBundleCommand {
    /// `citybundle inspect FILE`: what is in a file.
    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Describe a file: layers, CRS, feature count, fields, encoding and extent in WGS 84.",
            discussion: """
                Examples:
                  citybundle inspect Datasets/wuhan/wuhan_districts.shp --from-crs GCJ-02
                  citybundle inspect roads.gpkg --json
                """)

        @Argument(help: "The file to describe.")
        var input: String

        @OptionGroup var source: SourceOptions

        @Flag(help: "Print JSON instead of text.")
        var json = false

        func run() throws {
            let reports = try DatasetInspector.inspect(
                source.definition(path: input, id: "inspect"), assumeWGS84: source.assumeWGS84)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(reports), as: UTF8.self))
            } else {
                print(reports.map(SummaryPrinter.render).joined(separator: "\n\n"))
            }
        }
    }
}

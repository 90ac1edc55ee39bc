import CityBundleGeodesy
import CityBundleTesting
import Foundation
import Testing

/// `citybundle convert`, the one-shot path for people and CI without a pipeline file.
@Suite("citybundle convert")
struct ConvertCommandTests {
    @Test("a GCJ-02 shapefile becomes valid WGS 84 GeoJSON", arguments: ["geojson", "geojsonl"])
    func shapefile(ext: String) throws {
        let output = TemporaryDirectory()
        let file = output.file("districts.\(ext)")
        let result = try ExternalCommand.citybundle([
            "convert", Fixtures.dataset("wuhan/wuhan_districts.shp"), file, "--from-crs", "GCJ-02", "--id-field",
            "adcode",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let check = try ExternalCommand.validate("check_geojson.sh", [file], environment: ["EXPECT_COUNT": "13"])
        #expect(check.status == 0, "\(check.stdout)")
        #expect(output.contents() == ["districts.\(ext)"])
    }

    @Test("a GBK shapefile converts with --encoding GBK and fails clearly without it")
    func gbk() throws {
        let output = TemporaryDirectory()
        let file = output.file("province.geojson")
        let failed = try ExternalCommand.citybundle([
            "convert", Fixtures.shared("shapefile-gbk/chinese_poly.shp"), file,
        ])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("--encoding GBK") && failed.stderr.contains("NAME"))
        #expect(output.contents().isEmpty, "no partial output: \(output.contents())")

        let converted = try ExternalCommand.citybundle([
            "convert", Fixtures.shared("shapefile-gbk/chinese_poly.shp"), file, "--encoding", "GBK",
        ])
        #expect(converted.status == 0, "\(converted.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("黑龙江省"))
        #expect(try ExternalCommand.validate("check_geojson.sh", [file]).status == 0)
    }

    @Test("every valid GeoJSON fixture converts to a file the validator accepts")
    func validFixtures() throws {
        let directory = Fixtures.shared("geojson-valid")
        let output = TemporaryDirectory()
        var files: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        where name.hasSuffix(".geojson") {
            let file = output.file(name)
            let result = try ExternalCommand.citybundle(["convert", "\(directory)/\(name)", file, "--quiet"])
            #expect(result.status == 0, "\(name): \(result.stderr)")
            files.append(file)
        }
        #expect(files.count == 18)
        // issue82.geojson is valid GeoJSON structure with positions outside lon/lat range
        // (geojsonhint does not check ranges); the validator must flag exactly that file.
        let inRange = files.filter { !$0.hasSuffix("issue82.geojson") }
        let check = try ExternalCommand.validate("check_geojson.sh", inRange)
        #expect(check.status == 0, "\(check.stdout)")
        let outOfRange = try ExternalCommand.validate(
            "check_geojson.sh", files.filter { $0.hasSuffix("issue82.geojson") })
        #expect(outOfRange.status == 1 && outOfRange.stdout.contains("out of range"))
    }

    struct ExitCase: Sendable, CustomStringConvertible {
        var arguments: [String]
        var status: Int32
        var description: String { arguments.joined(separator: " ") }
    }

    @Test(
        "usage errors exit 2, I/O errors 3, and nothing is written",
        arguments: [
            ExitCase(arguments: ["convert", "in.geojson"], status: 2),
            ExitCase(arguments: ["convert", "a.geojson", "b.geojson", "--no-such-option"], status: 2),
            ExitCase(arguments: ["convert", "/nonexistent/in.geojson", "out.geojson"], status: 3),
            ExitCase(arguments: ["convert", "in.geojson", "out.xyz"], status: 2),
            ExitCase(arguments: ["frobnicate"], status: 2),
        ])
    func exitCodes(exitCase: ExitCase) throws {
        let arguments = exitCase.arguments
        let status = exitCase.status
        let directory = TemporaryDirectory()
        let result = try ExternalCommand.citybundle(arguments, directory: directory.path)
        #expect(result.status == status, "\(arguments): \(result.stderr)")
        #expect(!result.stderr.isEmpty)
        #expect(directory.contents().isEmpty)
    }

    @Test("--help on every command explains its options with an example", arguments: ["run", "convert", "inspect"])
    func help(command: String) throws {
        let result = try ExternalCommand.citybundle([command, "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("citybundle \(command)"))
        #expect(result.stdout.lowercased().contains("example"))
    }
}

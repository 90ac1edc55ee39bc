import CityBundleTesting
import Foundation
import Testing

/// Zero leaks: personal information planted in a synthetic city (owners, phone numbers, resident
/// ids inside free-text remarks) appears in no byte of anything a run writes — data, catalogs,
/// archives (unpacked), logs and reports.
@Suite("Privacy", .serialized)
struct PrivacyTests {
    static let key = String(repeating: "5a", count: 32)
    static let otherKey = String(repeating: "c3", count: 32)

    struct City {
        let directory = TemporaryDirectory()
        var pipeline: String { directory.file("city.yaml") }
        /// Owners' names, phone numbers and ids as planted in the input.
        var planted: [String] = []

        init() throws {
            let generated = try ExternalCommand.citybundle([
                "generate-city", "--buildings", "400", "--seed", "11", "--output", directory.file("city"),
            ])
            guard generated.status == 0 else { throw CocoaError(.fileWriteUnknown) }
            let collection =
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: URL(fileURLWithPath: directory.file("city/buildings.geojson"))))
                as? [String: Any]
            for feature in collection?["features"] as? [[String: Any]] ?? [] {
                let properties = feature["properties"] as? [String: Any] ?? [:]
                for field in ["owner", "phone"] {
                    if let value = properties[field] as? String { planted.append(value) }
                }
                if let remark = properties["remark"] as? String {
                    // Digit runs of 11 (mobile) or 17+ (resident id) characters planted in the text.
                    planted += remark.split(whereSeparator: { !$0.isNumber && $0 != "X" }).map(String.init)
                        .filter { $0.count == 11 || $0.count >= 17 }
                }
            }
            try """
            pipeline: city
            title: Synthetic city
            sources:
              - id: buildings
                path: city/buildings.geojson
                kind: building
                fields: {id: bid, name: name, height: height, floors: levels}
                anonymise:
                  fields:
                    owner: pseudonymise
                    phone: mask
                    remark: keep
                    built: {generalise: year}
                  precision: 0.5
            publish:
              rights: {owner: Test, contact: t@example.org, terms: Testing only., licence: CC-BY-4.0}
            """.write(toFile: pipeline, atomically: true, encoding: .utf8)
        }

        func run(key: String, output: String, state: String) throws -> CommandResult {
            try ExternalCommand.citybundle(
                ["run", pipeline, "--output", output, "--state", state, "--log-format", "json"],
                environment: ["CITYBUNDLE_PSEUDONYM_KEY": key])
        }
    }

    /// Every file under `root` (archives unpacked), as text with spaces and dashes removed, so that
    /// `138 1234 5678` and `138-1234-5678` are found as `13812345678` too.
    func texts(under root: String) throws -> [(String, String)] {
        var result: [(String, String)] = []
        for path in try FileManager.default.subpathsOfDirectory(atPath: root) {
            let full = "\(root)/\(path)"
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else {
                continue
            }
            if path.hasSuffix(".tar.gz") {
                let unpacked = TemporaryDirectory()
                _ = try ExternalCommand.run("tar", ["-xzf", full, "-C", unpacked.path])
                result += try texts(under: unpacked.path).map { ("\(path)!\($0.0)", $0.1) }
                continue
            }
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: full)), as: UTF8.self)
            result.append((path, text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "-", with: "")))
        }
        return result
    }

    @Test("no planted value, nor a spaced or dashed form of it, is in any published file, log or report")
    func zeroLeaks() throws {
        let city = try City()
        #expect(city.planted.count > 500)
        let output = city.directory.file("public")
        let state = city.directory.file("state")
        let result = try city.run(key: Self.key, output: output, state: state)
        #expect(result.status == 0, "\(result.stderr)")
        var scanned = try texts(under: output)
        // Reports and run records are scanned too; the quarantine holds raw input by design (private).
        scanned += try texts(under: state).filter { !$0.0.contains("quarantine/") && !$0.0.contains("keys/") }
        scanned.append(("stdout", result.stdout))
        scanned.append(("stderr", result.stderr))
        #expect(scanned.count > 20)
        var leaks: [String] = []
        for value in Set(city.planted) {
            let needle = value.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "-", with: "")
            for (file, text) in scanned where text.contains(needle) { leaks.append("\(file) holds a planted value") }
        }
        #expect(leaks.isEmpty, "\(leaks.prefix(10))")
        let report = try String(contentsOfFile: "\(state)/city/reports/anonymisation.md", encoding: .utf8)
        #expect(report.contains("| owner | pseudonymise |"))
        #expect(report.contains("| phone | mask |"))
        #expect(report.contains("mobile"))
        #expect(report.contains("Coordinate precision reduced"))
    }

    @Test("pseudonyms are stable with one key, change with another, and never equal their input")
    func pseudonyms() throws {
        let city = try City()
        func owners(_ key: String, _ name: String) throws -> [String: String] {
            let output = city.directory.file("public-\(name)")
            let result = try city.run(key: key, output: output, state: city.directory.file("state-\(name)"))
            #expect(result.status == 0, "\(result.stderr)")
            let version = try Fixtures.latestVersionDirectory(root: output, bundle: "city")
            let collection =
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: URL(fileURLWithPath: "\(version)/buildings.geojson"))) as? [String: Any]
            var owners: [String: String] = [:]
            for feature in collection?["features"] as? [[String: Any]] ?? [] {
                owners[feature["id"] as? String ?? ""] = (feature["properties"] as? [String: Any])?["owner"] as? String
            }
            return owners
        }
        let first = try owners(Self.key, "a")
        let again = try owners(Self.key, "b")
        let other = try owners(Self.otherKey, "c")
        #expect(first.count > 300)
        #expect(first == again)
        for (id, pseudonym) in first {
            #expect(pseudonym.hasPrefix("ps_"))
            #expect(other[id] != nil && other[id] != pseudonym)
            #expect(!city.planted.contains(pseudonym))
        }
    }

    @Test("convert masks personal information unless --keep-pii, and says how much")
    func convert() throws {
        let city = try City()
        let masked = city.directory.file("masked.geojson")
        let result = try ExternalCommand.citybundle(["convert", city.directory.file("city/buildings.geojson"), masked])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("masked personal information in"))
        let text = try String(contentsOfFile: masked, encoding: .utf8)
        #expect(city.planted.filter { $0.allSatisfy(\.isNumber) }.allSatisfy { !text.contains($0) })
        let kept = city.directory.file("kept.geojson")
        #expect(
            try ExternalCommand.citybundle([
                "convert", city.directory.file("city/buildings.geojson"), kept, "--keep-pii",
            ]).status == 0)
        let raw = try String(contentsOfFile: kept, encoding: .utf8)
        #expect(city.planted.contains { raw.contains($0) })
    }
}

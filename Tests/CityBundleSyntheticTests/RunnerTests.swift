import CityBundleTesting
import Foundation
import Testing

/// The benchmark runner's entry points; no timing is asserted anywhere.
@Suite("Benchmarks/run.sh")
struct RunnerTests {
    private var script: String { "\(Fixtures.packageRoot)/Benchmarks/run.sh" }

    @Test("the script is valid bash")
    func syntax() throws {
        let result = try ExternalCommand.run("/bin/bash", ["-n", script])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test("--help explains the environment variables")
    func help() throws {
        let result = try ExternalCommand.run("/bin/bash", [script, "--help"])
        #expect(result.status == 0)
        for name in ["SIZES", "CITYBUNDLE", "SKIP_BASELINE_INSTALL", "--dry-run"] {
            #expect(result.stdout.contains(name), "--help does not mention \(name)")
        }
    }

    @Test("--dry-run generates a tiny city and converts it")
    func dryRun() throws {
        let work = TemporaryDirectory("citybundle-bench")
        let result = try ExternalCommand.run(
            "/bin/bash", [script, "--dry-run"],
            environment: [
                "SIZES": "200", "SKIP_BASELINE_INSTALL": "1", "BENCH_WORK": work.path,
                "CITYBUNDLE": Fixtures.citybundleBinary,
            ])
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        let city = "\(work.path)/city-200-seed42"
        for file in ["buildings.geojson", "scenic_sites.geojson", "districts.geojson", "bench.yaml"] {
            #expect(FileManager.default.fileExists(atPath: "\(city)/\(file)"), "missing \(file)")
        }
        #expect(FileManager.default.fileExists(atPath: "\(city)/out/convert.geojson"))
        let tsv = try String(contentsOfFile: "\(work.path)/dry-run-200.tsv", encoding: .utf8)
        let lines = tsv.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        let header = try #require(lines.first).map(String.init)
        let column = { (name: String) in header.firstIndex(of: name) }
        let (n, tool, wall, note) = try (
            #require(column("n")), #require(column("tool")), #require(column("wall_s")), #require(column("note"))
        )
        let rows = lines.dropFirst().filter { $0.count == header.count }
        #expect(rows.count == lines.count - 1, "rows with a wrong number of columns:\n\(tsv)")
        #expect(rows.contains { $0[tool] == "citybundle convert" && $0[n] == "200" && !$0[wall].isEmpty })
        #expect(!rows.contains { $0[note].hasPrefix("failed") }, "\(tsv)")
    }

    @Test("an unknown argument is a usage error")
    func unknownArgument() throws {
        let result = try ExternalCommand.run("/bin/bash", [script, "--no-such-option"])
        #expect(result.status == 2)
    }
}

import CityBundleTesting
import Foundation
import Testing

/// What an unattended run leaves behind and how it behaves next to another run.
@Suite("Unattended runs")
struct ScheduledRunTests {
    func run(_ output: TemporaryDirectory, _ state: TemporaryDirectory, _ extra: [String] = []) throws -> CommandResult
    {
        try ExternalCommand.citybundle(
            ["run", "Pipelines/wuhan.yaml", "--output", output.path, "--state", state.path] + extra,
            directory: Fixtures.packageRoot)
    }

    @Test("run.json and the Prometheus textfile describe the run")
    func reports() throws {
        let output = TemporaryDirectory()
        let state = TemporaryDirectory()
        let metrics = state.file("node_exporter.prom")
        let result = try run(output, state, ["-q", "--metrics-file", metrics])
        #expect(result.status == 0, "\(result.stderr)")
        let record = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: "\(state.path)/wuhan/run.json")))
                as? [String: Any])
        #expect(record["outcome"] as? String == "ok")
        #expect(record["exitCode"] as? Int == 0)
        let sources = try #require(record["sources"] as? [[String: Any]])
        #expect(
            sources.map { $0["id"] as? String } == [
                "districts", "scenic_sites", "hanyang_buildings", "optics_valley_buildings",
            ])
        #expect(sources.last?["quarantined"] as? Int == 118)
        #expect(
            (sources.first?["stageSeconds"] as? [String: Double])?.keys.sorted() == [
                "anonymise", "schema", "validate", "write",
            ])
        let text = try String(contentsOfFile: metrics, encoding: .utf8)
        #expect(text.contains(#"citybundle_run_success{pipeline="wuhan"} 1"#))
        #expect(
            text.contains(#"citybundle_features_quarantined{pipeline="wuhan",source="optics_valley_buildings"} 118"#))
        let history = try FileManager.default.contentsOfDirectory(atPath: "\(state.path)/wuhan/runs")
        #expect(history.count == 1)
    }

    @Test("a failed run is recorded too, with its exit code")
    func failureRecorded() throws {
        let output = TemporaryDirectory()
        let state = TemporaryDirectory()
        let pipeline = state.file("broken.yaml")
        try """
        pipeline: wuhan
        title: Broken
        sources:
          - id: gone
            path: \(state.file("missing.geojson"))
            kind: geospatial
        """.write(toFile: pipeline, atomically: true, encoding: .utf8)
        let result = try ExternalCommand.citybundle([
            "run", pipeline, "--output", output.path, "--state", state.path, "-q",
        ])
        #expect(result.status == 3)
        let record =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: "\(state.path)/wuhan/run.json"))) as? [String: Any]
        #expect(record?["exitCode"] as? Int == 3)
        #expect((record?["error"] as? String)?.contains("missing.geojson") == true)
    }

    @Test("a second run while one holds the lock exits 4 at once; with --wait it runs after")
    func lockHeld() throws {
        let output = TemporaryDirectory()
        let state = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: "\(state.path)/wuhan", withIntermediateDirectories: true)
        let lock = "\(state.path)/wuhan/lock"
        // util-linux flock(1) holds the same kind of lock a running citybundle holds.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = ["-x", lock, "-c", "echo held; sleep 4"]
        let pipe = Pipe()
        holder.standardOutput = pipe
        try holder.run()
        _ = pipe.fileHandleForReading.availableData  // "held": the lock is taken
        let blocked = try run(output, state, ["-q"])
        #expect(blocked.status == 4)
        #expect(blocked.stderr.contains("another run of this pipeline is in progress"))
        let waited = try run(output, state, ["-q", "--wait"])
        holder.waitUntilExit()
        #expect(waited.status == 0, "\(waited.stderr)")
    }

    @Test("a lock left by a killed run is taken over and reported")
    func staleLock() throws {
        let output = TemporaryDirectory()
        let state = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: "\(state.path)/wuhan", withIntermediateDirectories: true)
        try "pid 999999 on somewhere since 2026-01-01T00:00:00Z".write(
            toFile: "\(state.path)/wuhan/lock", atomically: true, encoding: .utf8)
        let result = try run(output, state)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("took over a lock"))
    }
}

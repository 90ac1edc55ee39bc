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

/// Real concurrent and killed runs on a synthetic city large enough to take a while.
@Suite("Concurrent and killed runs", .serialized)
struct KilledRunTests {
    struct City {
        let directory = TemporaryDirectory()
        var pipeline: String { directory.file("city.yaml") }
        var output: String { directory.file("public") }
        var state: String { directory.file("state") }

        init(buildings: Int) throws {
            let generated = try ExternalCommand.citybundle([
                "generate-city", "--buildings", "\(buildings)", "--seed", "3", "--output", directory.file("city"),
            ])
            guard generated.status == 0 else { throw CocoaError(.fileWriteUnknown) }
            try """
            pipeline: city
            title: Synthetic city
            sources:
              - id: buildings
                path: city/buildings.geojson
                kind: building
                fields: {id: bid, name: name, height: height, floors: levels}
                anonymise: {fields: {owner: drop, phone: drop, remark: keep}}
            publish:
              rights: {owner: T, contact: t@example.org, terms: test, licence: CC-BY-4.0}
            """.write(toFile: pipeline, atomically: true, encoding: .utf8)
        }

        func start() throws -> Process {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Fixtures.citybundleBinary)
            process.arguments = ["run", pipeline, "--output", output, "--state", state, "-q"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
    }

    @Test("two runs started together: one publishes, the other exits with the lock code")
    func together() throws {
        let city = try City(buildings: 8_000)
        let first = try city.start()
        let second = try city.start()
        first.waitUntilExit()
        second.waitUntilExit()
        let codes = [first.terminationStatus, second.terminationStatus].sorted()
        #expect(codes == [0, 4])
    }

    @Test("a run killed with SIGKILL mid-way: the next run completes and verify passes", arguments: [0.5, 1.5, 3.0])
    func killed(after seconds: Double) throws {
        let city = try City(buildings: 8_000)
        let victim = try city.start()
        Thread.sleep(forTimeInterval: seconds)
        kill(victim.processIdentifier, SIGKILL)
        victim.waitUntilExit()
        let next = try ExternalCommand.citybundle([
            "run", city.pipeline, "--output", city.output, "--state", city.state,
        ])
        #expect(next.status == 0, "\(next.stderr)")
        let verify = try ExternalCommand.citybundle([
            "verify", city.output, "--key", "\(city.state)/keys/city.key.pub.json", "--state",
            city.directory.file("verify.json"),
        ])
        #expect(verify.status == 0, "\(verify.stdout)")
        // Nothing half-made is left in the published tree.
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: city.output).filter {
            $0.contains(".staging") || $0.contains(".tmp-")
        }
        #expect(leftovers.isEmpty)
    }
}

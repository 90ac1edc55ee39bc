import Benchmark
import BenchmarkSupport
import CityBundleModel
import CityBundlePipeline
import CityBundlePublish
import CityBundleSynthetic
import CityBundleWorkflow
import Foundation
import Logging

// The whole pipeline as `citybundle run` drives it (Sources/citybundle/Commands/Run.swift): `PipelineRun` on a
// pipeline file, here the synthetic Wuhan of 10 000 buildings (seed 42) with its scenic sites and districts, as
// in Benchmarks/run.sh. Each benchmark runs in a process of its own; its setup generates the city and writes the
// pipeline file and a pseudonym key into a temporary directory of that process (not measured). Each sample runs
// into fresh output and state directories, so the source cache never answers and every stage runs; the
// directories are removed after the measurement. The global teardown removes the temporary directory.

let benchmarks: @Sendable () -> Void = {
    Benchmark.teardown = { Scratch.shared.remove() }

    /// One full run without publishing: per source the RFC 7946 structure check, the GDAL read and
    /// transformation to WGS 84 (on its own thread), validation, anonymisation and the geometry re-check, then
    /// GeoJSON for every source and a 3D Tiles 1.1 tileset for the buildings and scenic sites (ground from the
    /// EGM96 geoid), written atomically; run reports, the source cache and the Prometheus textfile in the state
    /// directory.
    Benchmark(
        "Pipeline: 10 000 buildings + sites + districts → GeoJSON + 3D Tiles",
        configuration: .init(metrics: metrics, maxDuration: .seconds(30), maxIterations: 6)
    ) { benchmark, pipeline in
        try measureRun(pipeline, benchmark: benchmark)
    } setup: {
        try PipelineFile.load(publish: false)
    }

    /// The same run with a `publish:` section: the outputs become a new signed, checksummed version of the
    /// bundle (manifest with SHA-256 of every file, STAC and Frictionless catalogs, change log, rights), with a
    /// signing key made in setup.
    Benchmark(
        "Pipeline: 10 000 buildings + sites + districts → GeoJSON + 3D Tiles + publish",
        configuration: .init(metrics: metrics, maxDuration: .seconds(30), maxIterations: 6)
    ) { benchmark, pipeline in
        try measureRun(pipeline, benchmark: benchmark)
    } setup: {
        try PipelineFile.load(publish: true)
    }
}

/// What every benchmark reports. The pipeline reads on a thread of its own, so CPU time is shown too; throughput
/// is left out because a run of about 2 s or more rounds to 0 runs per second (the wall clock says the same).
var metrics: [BenchmarkMetric] { [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal] }

/// Runs `pipeline` once into fresh directories, measuring only the run, then removes its output.
func measureRun(_ pipeline: PipelineFile, benchmark: Benchmark) throws {
    let folder = "\(pipeline.directory)/run-\(benchmark.currentIteration)"
    var run = PipelineRun(
        definition: pipeline.definition, outputDirectory: "\(folder)/public", stateDirectory: "\(folder)/state",
        logger: Logger(label: "citybundle.benchmark") { _ in SwiftLogNoOpLogHandler() })
    run.signingKey = pipeline.signingKey
    run.publishOptions = PublishOptions(citybundleVersion: "benchmark")
    benchmark.startMeasurement()
    let summary = try run.execute()
    benchmark.stopMeasurement()
    try? FileManager.default.removeItem(atPath: folder)
    let written = summary.sources.reduce(0) { $0 + $1.counts.written }
    guard summary.sources.count == 3, written > City.buildings else {
        throw BenchmarkFailure("the run wrote \(written) features from \(summary.sources.count) sources")
    }
    if pipeline.signingKey != nil, summary.publication?.published != true {
        throw BenchmarkFailure("the run published nothing")
    }
}

// MARK: - The pipeline file

/// A pipeline file over the city, loaded as `citybundle run` loads it.
struct PipelineFile {
    /// The loaded definition.
    var definition: PipelineDefinition
    /// The folder of the city, the pipeline file and the runs.
    var directory: String
    /// The signing key's path, for a pipeline that publishes.
    var signingKey: String?

    /// Generates the city and writes and loads its pipeline file, with or without a `publish:` section.
    static func load(publish: Bool) throws -> PipelineFile {
        let directory = try Scratch.shared.city()
        let keyFile = "\(directory)/pseudonym.key"
        let key = "6265" + String(repeating: "0123456789abcdef", count: 4)
        guard
            FileManager.default.createFile(
                atPath: keyFile, contents: Data(key.utf8), attributes: [.posixPermissions: 0o600])
        else { throw BenchmarkFailure("cannot write \(keyFile)") }
        var signingKey: String?
        if publish {
            let path = "\(directory)/signing.key"
            signingKey = try SigningKey.generate(id: "benchmark").write(to: path).path ?? path
        }
        let path = "\(directory)/bench.yaml"
        try yaml(publish: publish).write(toFile: path, atomically: true, encoding: .utf8)
        return PipelineFile(
            definition: try PipelineLoader.load(path: path), directory: directory, signingKey: signingKey)
    }

    /// Benchmarks/bench-pipeline.yaml (shared with run.sh) for this city, without its `publish:` section unless
    /// `publish`; the pseudonym key comes from `pseudonym.key` beside it.
    static func yaml(publish: Bool) throws -> String {
        let template = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("bench-pipeline.yaml")
        var text = try String(contentsOf: template, encoding: .utf8)
            .replacingOccurrences(of: "@BUILDINGS@", with: "\(City.buildings)")
        if !publish, let section = text.range(of: "\npublish:") { text = String(text[..<section.lowerBound]) + "\n" }
        return text
    }
}

import Benchmark
import BenchmarkSupport
import CityBundle3D
import CityBundleAnonymise
import CityBundleExport
import CityBundleIngest
import CityBundleModel
import CityBundlePipeline
import CityBundlePublish
import CityBundleSynthetic
import CityBundleValidate
import Crypto
import Foundation

// Every stage of a pipeline run, one benchmark each, on the same synthetic Wuhan: 10 000 buildings, seed 42,
// in EPSG:4547 as `citybundle generate-city` writes it. The benchmark tool runs each benchmark in a process of
// its own; a benchmark's setup generates the city into a temporary directory of that process (about 0.1 s, not
// measured) and, for stages after ingest, reads the buildings once into memory in WGS 84 as the pipeline's
// reader hands them on. The global teardown removes the directory.
//
// Per-feature stages measure 1 000 features per sample (`scalingFactor: .kilo`): the table shows time, mallocs
// and throughput per feature; successive samples take successive windows of 1 000 buildings, so ten samples
// cover the whole city. Whole-file stages measure the whole file (or tile, or tileset) per sample.

let benchmarks: @Sendable () -> Void = {
    Benchmark.teardown = { Scratch.shared.remove() }

    // MARK: Ingest and structure

    /// Ingest: GDAL opens `buildings.geojson` (EPSG:4547, legacy `crs` member), CityBundle resolves the CRS and
    /// builds the PROJ operation, then reads every feature, maps the fields (`bid` → id, `levels` → `floors`, …)
    /// and transforms every position to WGS 84. One sample: the whole 10 000-building file (5.7 MB).
    Benchmark(
        "01 Ingest: GDAL read + CRS to WGS 84 (10 000 buildings)",
        configuration: .init(metrics: metrics, maxDuration: .seconds(8), maxIterations: 12)
    ) { benchmark, directory in
        let source = City.buildingsSource(in: directory)
        var count = 0
        let reader = try GDALFeatureSource(source, extent: City.extent, assumeWGS84: false)
        try reader.read(batchSize: 512) { batch in
            count += batch.count
            blackHole(batch)
        }
        guard count == City.buildings else { throw BenchmarkFailure("read \(count) of \(City.buildings) features") }
    } setup: {
        try Scratch.shared.city()
    }

    /// The strict RFC 7946 structure check the pipeline runs on every GeoJSON source before GDAL reads it:
    /// CityBundle's own streaming JSON parser over the whole 5.7 MB file in 1 MiB chunks, one feature at a time.
    Benchmark(
        "02 Structure check: RFC 7946 GeoJSON (10 000 buildings)",
        configuration: .init(metrics: metrics, maxDuration: .seconds(4), maxIterations: 40)
    ) { benchmark, path in
        let report = try GeoJSONStructureChecker().check(path: path)
        guard report.featureCount == City.buildings else {
            throw BenchmarkFailure("checked \(report.featureCount) features")
        }
        blackHole(report)
    } setup: {
        "\(try Scratch.shared.city())/\(SyntheticCity.buildingsFile)"
    }

    // MARK: Per-feature stages

    /// Validation: the pipeline's `ValidationStage` with the default building rules (attributes, geometry type,
    /// coordinates and extent, ring repairs, GEOS validity, minimum size, duplicate ids and geometries) on
    /// ingested features, counting quarantined features without writing them. A fresh stage per sample, so the
    /// duplicate index starts empty.
    Benchmark(
        "03 Validate: building rules (per feature)",
        configuration: perFeature
    ) { benchmark, features in
        let stage = ValidationStage(
            source: "buildings", file: SyntheticCity.buildingsFile,
            book: RuleBook(kind: .building, extent: City.extent), quarantinePath: nil)
        let start = window(of: features, iteration: benchmark.currentIteration)
        benchmark.startMeasurement()
        for index in benchmark.scaledIterations {
            blackHole(try stage.apply(features[start + index]))
        }
        benchmark.stopMeasurement()
        guard stage.report.featuresChecked == benchmark.scaledIterations.count else {
            throw BenchmarkFailure("validated \(stage.report.featuresChecked) features")
        }
    } setup: {
        try City.ingest(from: try Scratch.shared.city())
    }

    /// Anonymisation: `AnonymisationStage` with the policy of Benchmarks/run.sh's pipeline (owner
    /// pseudonymised with a keyed HMAC, phone dropped, remark kept and scanned, built generalised to the year,
    /// unlisted fields dropped), so every kept string runs through the PII detectors and masking.
    Benchmark(
        "04 Anonymise: detectors + actions (per feature)",
        configuration: perFeature
    ) { (benchmark: Benchmark, state: ([Feature], AnonymisationPolicy)) in
        let (features, policy) = state
        let stage = AnonymisationStage(policy: policy)
        let start = window(of: features, iteration: benchmark.currentIteration)
        benchmark.startMeasurement()
        for index in benchmark.scaledIterations {
            blackHole(try stage.apply(features[start + index]))
        }
        benchmark.stopMeasurement()
        guard stage.audit.valuesChanged > 0 else { throw BenchmarkFailure("anonymisation changed nothing") }
    } setup: {
        let directory = try Scratch.shared.city()
        return (try City.ingest(from: directory), try City.anonymisationPolicy(in: directory))
    }

    /// GeoJSON encoding: `GeoJSONFeatureEncoder` (7 decimals, rings rewound to the right-hand rule, properties
    /// escaped) appending ingested features to one in-memory buffer; no file is written.
    Benchmark(
        "05 Encode: GeoJSON features (per feature)",
        configuration: perFeature
    ) { benchmark, features in
        let encoder = GeoJSONFeatureEncoder(decimals: 7)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        let start = window(of: features, iteration: benchmark.currentIteration)
        benchmark.startMeasurement()
        for index in benchmark.scaledIterations {
            encoder.encode(features[start + index], into: &buffer)
            buffer.append(UInt8(ascii: ","))
        }
        benchmark.stopMeasurement()
        blackHole(buffer)
    } setup: {
        try City.ingest(from: try Scratch.shared.city())
    }

    /// Triangulation alone: `Triangulator` (ear clipping, holes bridged) on each footprint polygon, in local
    /// east-north metres around the city centre (converted in setup).
    Benchmark(
        "06 3D: triangulate footprints (per polygon)",
        configuration: perFeature
    ) { benchmark, polygons in
        let start = window(of: polygons, iteration: benchmark.currentIteration)
        for index in benchmark.scaledIterations {
            blackHole(Triangulator.triangulate(polygons[start + index]))
        }
    } setup: {
        try City.localPolygons(try City.ingest(from: try Scratch.shared.city()))
    }

    /// Meshing as a tile does it: `TileContent(meshing:in:)` over 1 000 buildings in the frame at their centre;
    /// each footprint is placed through ECEF into the frame, cleaned, triangulated and extruded to its height
    /// (walls, roof and floor), and the meshes are appended by material.
    Benchmark(
        "07 3D: mesh footprints, ENU + extrude (per building)",
        configuration: perFeature
    ) { benchmark, features in
        let start = window(of: features, iteration: benchmark.currentIteration)
        let tile = Array(features[start..<start + benchmark.scaledIterations.count])
        let frame = City.frame(around: tile)
        benchmark.startMeasurement()
        let content = TileContent(meshing: tile, in: frame)
        benchmark.stopMeasurement()
        guard content.features.count == tile.count else {
            throw BenchmarkFailure("\(content.skipped.count) of \(tile.count) buildings not meshed")
        }
        blackHole(content)
    } setup: {
        try City.tileFeatures(try City.ingest(from: try Scratch.shared.city()))
    }

    // MARK: 3D outputs

    /// GLB encoding of one tile: `GLBWriter` on the meshed content of 500 buildings (the default
    /// `max_features_per_tile`), with feature ids, the property table, touching-feature grouping and
    /// padding. Meshing is done in setup; one sample encodes the tile.
    Benchmark(
        "08 3D: GLB encode a 500-building tile",
        configuration: .init(metrics: metrics, maxDuration: .seconds(4), maxIterations: 100)
    ) { (benchmark: Benchmark, state: (TileContent, TileFrame)) in
        let (content, frame) = state
        blackHole(try GLBWriter().encode(content, frame: frame))
    } setup: {
        let features = Array(try City.tileFeatures(try City.ingest(from: try Scratch.shared.city())).prefix(500))
        let frame = City.frame(around: features)
        let content = TileContent(meshing: features, in: frame)
        guard content.features.count == features.count else {
            throw BenchmarkFailure("\(content.skipped.count) buildings not meshed")
        }
        return (content, frame)
    }

    /// A whole 3D Tiles build as the pipeline's 3D sink does it, without writing files: the 10 000 buildings
    /// go into an on-disk `FeatureSpool` (in the temporary directory), `TilesetBuilder` plans the quadtree
    /// (500 features a tile), reads each leaf's features back, meshes them and encodes each GLB (leaves on
    /// every core, hence CPU time besides wall time), then writes `tileset.json`. Ground height is 0 (the
    /// pipeline takes it from the geoid, an internal GDALKit model).
    Benchmark(
        "09 3D: tileset build through the spool (10 000 buildings)",
        configuration: .init(metrics: metrics + [.cpuTotal], maxDuration: .seconds(12), maxIterations: 8)
    ) { (benchmark: Benchmark, state: ([TileFeature], String)) in
        let (features, directory) = state
        let spool = try FeatureSpool(directory: directory)
        for feature in features { try spool.append(feature) }
        var bytes = 0
        let built = try TilesetBuilder(planner: QuadtreePlanner(maxFeaturesPerTile: 500)).build(spool) { tile in
            bytes += tile.bytes.count
        }
        guard built.tilesetJSON != nil, built.skipped.isEmpty else {
            throw BenchmarkFailure("\(built.skipped.count) buildings skipped")
        }
        blackHole(bytes)
    } setup: {
        let directory = try Scratch.shared.city()
        return (try City.tileFeatures(try City.ingest(from: directory)), directory)
    }

    // MARK: Publish

    /// Publishing's checksum: `FileDigest.of(file:)` (1 MiB reads, swift-crypto SHA-256) over a 100 MiB file
    /// written in setup, so it is read from the page cache: hashing and read(2), not the disk.
    Benchmark(
        "10 Publish: FileDigest SHA-256 of a 100 MiB file",
        configuration: .init(metrics: metrics, maxDuration: .seconds(6), maxIterations: 20)
    ) { benchmark, path in
        let digest = try FileDigest.of(file: path)
        guard digest.size == Payload.size else { throw BenchmarkFailure("hashed \(digest.size) bytes") }
        blackHole(digest)
    } setup: {
        try Payload.file()
    }

    /// The floor for the previous benchmark: a plain swift-crypto `SHA256` loop over the same 100 MiB already in
    /// memory, in the same 1 MiB chunks, with no I/O.
    Benchmark(
        "11 Publish: swift-crypto SHA-256 of 100 MiB in memory",
        configuration: .init(metrics: metrics, maxDuration: .seconds(6), maxIterations: 20)
    ) { benchmark, bytes in
        var hasher = SHA256()
        bytes.withUnsafeBytes { buffer in
            for offset in stride(from: 0, to: buffer.count, by: Payload.chunk) {
                hasher.update(
                    bufferPointer: UnsafeRawBufferPointer(
                        rebasing: buffer[offset..<min(offset + Payload.chunk, buffer.count)]))
            }
        }
        blackHole(hasher.finalize())
    } setup: {
        Payload.bytes()
    }
}

// MARK: - Configuration

/// What every benchmark reports.
var metrics: [BenchmarkMetric] { [.wallClock, .throughput, .peakMemoryResident, .mallocCountTotal] }

/// Per-feature stages: 1 000 features per sample, shown per feature; 30 samples or 3 s.
var perFeature: Benchmark.Configuration {
    .init(metrics: metrics, scalingFactor: .kilo, maxDuration: .seconds(3), maxIterations: 30)
}

/// The first index of the 1 000-element window that sample `iteration` works on: successive samples take
/// successive windows, wrapping around.
func window<Element>(of elements: [Element], iteration: Int) -> Int {
    let size = BenchmarkScalingFactor.kilo.rawValue
    precondition(elements.count >= size, "need at least \(size) elements, have \(elements.count)")
    return (iteration % (elements.count / size)) * size
}

// MARK: - The synthetic city

/// The stage inputs made from the city every benchmark uses.
extension City {
    /// The pipeline extent of Benchmarks/run.sh (WGS 84).
    static let extent = BoundingBox(minX: 113.6, minY: 29.9, maxX: 115.2, maxY: 31.5)

    /// The buildings layer as Benchmarks/run.sh's pipeline declares it.
    static func buildingsSource(in directory: String) -> SourceDefinition {
        SourceDefinition(
            id: "buildings", path: SyntheticCity.buildingsFile,
            resolvedPath: "\(directory)/\(SyntheticCity.buildingsFile)", kind: .building,
            fields: FieldMapping(id: "bid", name: "name", height: "height", floors: "levels"), line: 0)
    }

    /// Every building, read and transformed to WGS 84 as the pipeline's reader hands them to the stages.
    static func ingest(from directory: String) throws -> [Feature] {
        let reader = try GDALFeatureSource(buildingsSource(in: directory), extent: extent, assumeWGS84: false)
        var features: [Feature] = []
        features.reserveCapacity(buildings)
        try reader.read(batchSize: 512) { features += $0 }
        guard features.count == buildings else { throw BenchmarkFailure("read \(features.count) buildings") }
        return features
    }

    /// The buildings' anonymisation policy of Benchmarks/run.sh, with a pseudonym key file in `directory`.
    static func anonymisationPolicy(in directory: String) throws -> AnonymisationPolicy {
        let keyFile = "\(directory)/pseudonym.key"
        let key = "6265" + String(repeating: "0123456789abcdef", count: 4)
        guard
            FileManager.default.createFile(
                atPath: keyFile, contents: Data(key.utf8), attributes: [.posixPermissions: 0o600])
        else { throw BenchmarkFailure("cannot write \(keyFile)") }
        let settings = AnonymisationSettings(
            fields: [("owner", .pseudonymise), ("phone", .drop), ("remark", .keep), ("built", .dateToYear)],
            keyFile: keyFile)
        return try AnonymisationPolicy(settings: settings, standardFields: ["name", "height", "floors", "min_height"])
    }

    /// Buildings ready for 3D, read as the pipeline's 3D sink reads them.
    static func tileFeatures(_ features: [Feature]) throws -> [TileFeature] {
        try features.enumerated().map { index, feature in
            guard
                let tile = TileFeature(
                    feature, kind: .building, source: "buildings", fallbackID: "buildings-\(index)",
                    nonPositiveHeightIsMissing: true)
            else { throw BenchmarkFailure("building \(index) has no geometry") }
            return tile
        }
    }

    /// A tile frame at the centre of `features`, on the ellipsoid (ground height 0).
    static func frame(around features: [TileFeature]) -> TileFrame {
        var box = features.first?.geometry.bounds ?? BoundingBox(minX: 114.2, minY: 30.5, maxX: 114.2, maxY: 30.5)
        for feature in features { if let bounds = feature.geometry.bounds { box.extend(bounds) } }
        return TileFrame(lon: (box.minX + box.maxX) / 2, lat: (box.minY + box.maxY) / 2, height: 0)
    }

    /// Every footprint polygon as rings of east-north metres in the frame at the city's centre.
    static func localPolygons(_ features: [Feature]) throws -> [[[SIMD2<Double>]]] {
        let frame = Self.frame(around: try tileFeatures(features))
        var polygons: [[[SIMD2<Double>]]] = []
        for feature in features {
            let parts: [[[Position]]]
            switch feature.geometry {
            case .polygon(let rings)?: parts = [rings]
            case .multiPolygon(let list)?: parts = list
            default: parts = []
            }
            for rings in parts {
                polygons.append(
                    rings.map { ring in
                        ring.map { position in
                            let local = frame.enu(lon: position.x, lat: position.y, height: 0)
                            return SIMD2(local.east, local.north)
                        }
                    })
            }
        }
        return polygons
    }
}

// MARK: - The hashing payload

/// 100 MiB of deterministic pseudo-random bytes (SplitMix64) for the SHA-256 benchmarks.
enum Payload {
    /// The payload's size in bytes.
    static let size: Int64 = 100 << 20
    /// The chunk size FileDigest reads, used by the in-memory loop too.
    static let chunk = 1 << 20

    /// The payload in memory.
    static func bytes() -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: Int(size))
        var state: UInt64 = 42
        bytes.withUnsafeMutableBytes { buffer in
            for offset in stride(from: 0, to: buffer.count, by: 8) {
                state &+= 0x9E37_79B9_7F4A_7C15
                var z = state
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                buffer.storeBytes(of: z ^ (z >> 31), toByteOffset: offset, as: UInt64.self)
            }
        }
        return bytes
    }

    /// The payload written to `payload.bin` in the scratch directory.
    static func file() throws -> String {
        let path = "\(try Scratch.shared.path())/payload.bin"
        try Data(bytes()).write(to: URL(fileURLWithPath: path))
        return path
    }
}

// swift-tools-version: 6.1
import PackageDescription

// CityBundle's ordo-one/benchmark (package-benchmark) suites: a package of its own, so the root package and its
// CI never build or resolve the benchmark tooling.
//
//   swift package --package-path Benchmarks benchmark
//
// Benchmarks/run.sh (whole-process comparisons with ogr2ogr, trimesh and sha256sum) is separate and unchanged.

/// The root package's settings; Swift 6 language mode comes from the tools version.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "CityBundleBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "CityBundle", path: ".."),
        // Only the MallocInterposer trait: the default RuntimeInterposer trait needs swift-runtime-interposer,
        // which the mirror does not carry. The interposer provides the malloc metrics (no jemalloc needed).
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // The city's parameters, its scratch directory and the failure type, shared by both executables.
        .target(
            name: "BenchmarkSupport",
            dependencies: [.product(name: "CityBundleStages", package: "CityBundle")],
            path: "Benchmarks/BenchmarkSupport",
            swiftSettings: swiftSettings
        ),
        // One benchmark per stage, on the same synthetic city (10 000 buildings, seed 42).
        .executableTarget(
            name: "StageBenchmarks",
            dependencies: [
                .product(name: "CityBundleModel", package: "CityBundle"),
                .product(name: "CityBundlePipeline", package: "CityBundle"),
                .product(name: "CityBundleStages", package: "CityBundle"),
                .product(name: "Benchmark", package: "benchmark"),
                "BenchmarkSupport",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Benchmarks/StageBenchmarks",
            swiftSettings: swiftSettings,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // The whole pipeline (PipelineRun, as `citybundle run` drives it) on the same city.
        .executableTarget(
            name: "PipelineBenchmarks",
            dependencies: [
                .product(name: "CityBundleModel", package: "CityBundle"),
                .product(name: "CityBundlePipeline", package: "CityBundle"),
                .product(name: "CityBundleStages", package: "CityBundle"),
                .product(name: "Benchmark", package: "benchmark"),
                "BenchmarkSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/PipelineBenchmarks",
            swiftSettings: swiftSettings,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)

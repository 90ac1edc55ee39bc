// swift-tools-version: 6.1
import PackageDescription

/// Settings every Swift target shares (Swift 6 language mode comes from the tools version).
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "CityBundle",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "citybundle", targets: ["citybundle"]),
        .library(name: "CityBundleModel", targets: ["CityBundleModel"]),
        .library(name: "CityBundlePipeline", targets: ["CityBundlePipeline"]),
        // The stages, for Benchmarks/ (ordo-one/benchmark suites) and for embedding.
        .library(
            name: "CityBundleStages",
            targets: [
                "CityBundleIngest", "CityBundleValidate", "CityBundleAnonymise", "CityBundleExport", "CityBundle3D",
                "CityBundlePublish", "CityBundleSynthetic", "CityBundleWorkflow",
            ]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // C libraries through pkg-config; `make deps` installs their Debian packages.
        .systemLibrary(name: "CGDAL", pkgConfig: "gdal", providers: [.apt(["libgdal-dev"])]),
        .systemLibrary(name: "CPROJ", pkgConfig: "proj", providers: [.apt(["libproj-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),

        // Value types shared by every stage; no dependencies.
        .target(name: "CityBundleModel", swiftSettings: swiftSettings),
        // Pure geodesy: GCJ-02 / BD-09, geodesic distance, ECEF and local frames.
        .target(name: "CityBundleGeodesy", swiftSettings: swiftSettings),
        // Swift owners of every GDAL / OGR / OSR / PROJ handle.
        .target(
            name: "GDALKit", dependencies: ["CGDAL", "CPROJ", "CityBundleModel"], swiftSettings: swiftSettings),
        // A safe streaming XML reader over libxml2 (no network, no entities).
        .target(name: "XMLKit", dependencies: ["CLibXML2"], swiftSettings: swiftSettings),
        // Streaming CityGML 1.0/2.0/3.0 buildings on XMLKit.
        .target(
            name: "CityGMLKit", dependencies: ["XMLKit", "CityBundleModel", "CityBundlePipeline", "GDALKit"],
            swiftSettings: swiftSettings),
        // Pipeline files, stage protocols and the bounded-queue runner.
        .target(
            name: "CityBundlePipeline",
            dependencies: [
                "CityBundleModel",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings),
        // Ingest: GDAL sources, CRS normalisation, stable ids.
        .target(
            name: "CityBundleIngest",
            dependencies: [
                "CityBundlePipeline", "GDALKit", "CityBundleGeodesy",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings),
        // Convert: RFC 7946 GeoJSON encoders and file sinks.
        .target(name: "CityBundleExport", dependencies: ["CityBundlePipeline"], swiftSettings: swiftSettings),
        // Validate: RFC 7946 structure, rule sets per kind, quarantine and reports.
        .target(
            name: "CityBundleValidate",
            dependencies: ["CityBundlePipeline", "GDALKit", "CityBundleExport", "CityBundle3D"],
            swiftSettings: swiftSettings),
        // Anonymise: PII detectors, masking, keyed pseudonyms, generalisation, audit.
        .target(
            name: "CityBundleAnonymise",
            dependencies: [
                "CityBundleModel", "CityBundlePipeline", "GDALKit", .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings),
        // 3D: triangulation, extrusion, GLB with EXT_mesh_features / EXT_structural_metadata, 3D Tiles 1.1.
        .target(
            name: "CityBundle3D", dependencies: ["CityBundleModel", "CityBundleGeodesy"], swiftSettings: swiftSettings),
        // Publish: versioned, checksummed, signed bundles with STAC and Frictionless catalogs.
        .target(
            name: "CityBundlePublish",
            dependencies: ["CityBundleModel", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings),
        // A deterministic synthetic city for benchmarks.
        .target(
            name: "CityBundleSynthetic", dependencies: ["CityBundleModel", "CityBundleExport"],
            swiftSettings: swiftSettings),
        // Wires the stages into a pipeline run.
        .target(
            name: "CityBundleWorkflow",
            dependencies: [
                "CityBundleIngest", "CityBundleValidate", "CityBundleAnonymise", "CityBundleExport", "CityBundle3D",
                "CityBundleGeodesy", "CityGMLKit",
                "CityBundlePublish",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings),
        // Serve: the published tree over HTTP with a STAC API, OGC API - Features and an HTML catalog.
        .target(
            name: "CityBundleServer",
            dependencies: [
                "CityBundlePublish", "GDALKit", "CityBundleModel",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ],
            swiftSettings: swiftSettings),
        // Fetch: verified, resumable downloads of published versions over HTTP or file://.
        .target(
            name: "CityBundleFetch",
            dependencies: [
                "CityBundlePublish", "CityBundleModel",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings),
        // S3: SigV4-signed requests to S3-compatible storage, and the immutable-version mirror of a publish root.
        .target(
            name: "CityBundleS3",
            dependencies: [
                "CityBundleModel", "CityBundlePublish", "XMLKit",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "_NIOFileSystem", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings),
        // The command-line tool: thin commands over the workflow.
        .executableTarget(
            name: "citybundle",
            dependencies: [
                "CityBundleWorkflow", "CityBundleValidate", "CityBundleAnonymise", "CityBundlePublish",
                "CityBundleSynthetic", "CityBundleServer", "CityBundleFetch", "CityBundleS3",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings),
        // Test helpers: fixture paths, temporary directories, running real tools.
        .target(name: "CityBundleTesting", dependencies: ["CityBundleModel"], swiftSettings: swiftSettings),

        .testTarget(
            name: "CityBundleGeodesyTests", dependencies: ["CityBundleGeodesy"], swiftSettings: swiftSettings),
        .testTarget(name: "XMLKitTests", dependencies: ["XMLKit", "CLibXML2"], swiftSettings: swiftSettings),
        .testTarget(
            name: "CityBundlePipelineTests", dependencies: ["CityBundlePipeline", "CityBundleTesting"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "CityBundleIngestTests",
            dependencies: ["CityBundleIngest", "GDALKit", "CityBundleGeodesy", "CityBundleTesting"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "CityBundleValidateTests",
            dependencies: ["CityBundleValidate", "CityBundlePipeline", "CityBundleTesting"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "CityBundleExportTests", dependencies: ["CityBundleExport", "CityBundleTesting"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "CityBundleAnonymiseTests", dependencies: ["CityBundleAnonymise", "CityBundleModel"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "CityBundle3DTests",
            dependencies: ["CityBundle3D", "CityBundleModel", "CityBundleGeodesy", "CityGMLKit"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "CityBundlePublishTests",
            dependencies: ["CityBundlePublish", "CityBundleModel", "CityBundleTesting"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "CityGMLKitTests", dependencies: ["CityGMLKit", "XMLKit", "CityBundleModel", "CityBundlePipeline"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "CityBundleSyntheticTests",
            dependencies: ["CityBundleSynthetic", "CityBundleModel", "CityBundleTesting", "citybundle"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "CityBundleServerTests",
            dependencies: [
                "CityBundleServer", "CityBundlePublish", "CityBundleModel", "CityBundleTesting",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "CityBundleFetchTests",
            dependencies: [
                "CityBundleFetch", "CityBundleServer", "CityBundlePublish", "CityBundleModel", "CityBundleTesting",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "CityBundleS3Tests",
            dependencies: [
                "CityBundleS3", "CityBundleModel", "CityBundleTesting", "XMLKit",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "CityBundleCLITests",
            dependencies: ["citybundle", "CityBundleModel", "CityBundleGeodesy", "CityBundleTesting", "CityBundleS3"],
            swiftSettings: swiftSettings),
    ]
)

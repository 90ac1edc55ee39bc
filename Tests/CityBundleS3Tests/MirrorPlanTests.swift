import CityBundleModel
import CityBundleS3
import Foundation
import Testing

/// The mirror's decisions, from a real local tree and a remote listing, without a network.
@Suite("Mirror plan")
struct MirrorPlanTests {
    let fixture: PublishRootFixture
    let destination: S3Location

    init() throws {
        fixture = try PublishRootFixture()
        destination = try S3Location(parsing: "s3://bucket/site/public/")
    }

    /// The upload order of a first run into an empty prefix.
    static let freshOrder = [
        "hubei/2026.1.2/roads.geojson", "hubei/2026.1.2/manifest.json.sig", "hubei/2026.1.2/manifest.json",
        "wuhan/2026.11.25/CHANGES.md", "wuhan/2026.11.25/districts.fgb", "wuhan/2026.11.25/districts.geojson",
        "wuhan/2026.11.25/items/districts.json", "wuhan/2026.11.25/tiles/content/0.glb",
        "wuhan/2026.11.25/tiles/tileset.json", "wuhan/2026.11.25/wuhan-2026.11.25.tar.gz",
        "wuhan/2026.11.25/manifest.json.sig", "wuhan/2026.11.25/manifest.json",
        "wuhan/2026.11.26/districts.geojson", "wuhan/2026.11.26/manifest.json.sig", "wuhan/2026.11.26/manifest.json",
        "wuhan/2026.11.24/WITHDRAWN.json.sig", "wuhan/2026.11.24/WITHDRAWN.json",
        "hubei/collection.json", "hubei/versions.json.sig", "hubei/versions.json", "hubei/latest.json.sig",
        "hubei/latest.json",
        "wuhan/collection.json", "wuhan/index.html", "wuhan/versions.json.sig", "wuhan/versions.json",
        "wuhan/latest.json.sig", "wuhan/latest.json",
        "keys.json.sig", "keys.json", "catalog.json",
    ]

    /// Remote objects holding the fixture's current bytes for `paths`.
    private func remote(_ paths: [String]) throws -> [S3ObjectInfo] {
        try paths.map { path in
            let data = try fixture.contents(path)
            return S3ObjectInfo(
                key: destination.key(path), size: Int64(data.count), eTag: "\"\(PublishRootFixture.md5(data))\"")
        }
    }

    private func plan(remote: [S3ObjectInfo] = [], manifests: [String: Data] = [:]) throws -> MirrorPlan {
        try MirrorPlan(
            tree: PublishTree(scanning: fixture.root), destination: destination, remote: remote,
            remoteManifests: manifests)
    }

    @Test("Empty destination: versions (data, signature, manifest last), withdrawals, bundle files, root files")
    func freshOrder() throws {
        let plan = try plan()
        #expect(plan.uploads.map(\.relativePath) == Self.freshOrder)
        #expect(plan.uploads.allSatisfy { $0.key == "site/public/" + $0.relativePath })
        #expect(plan.newVersions == ["hubei@2026.1.2", "wuhan@2026.11.25", "wuhan@2026.11.26"])
        #expect(plan.presentVersions.isEmpty && plan.deletions.isEmpty && plan.unchanged.isEmpty)
        // A version's data files form one group (uploaded in parallel); every other upload is alone.
        #expect(plan.groups.map(\.count) == [1, 1, 1, 7] + Array(repeating: 1, count: 21))
        #expect(plan.groups[3].allSatisfy { $0.stage == .versionData })
        MirrorOrderChecks.expectValidOrder(plan.uploads.map(\.relativePath))
    }

    @Test("Dot-files and dot-folders are never planned")
    func dotFilesIgnored() throws {
        let tree = try PublishTree(scanning: fixture.root)
        #expect(
            Set(tree.ignored) == Set([".lock", ".staging-1234", "wuhan/.latest.json.tmp", "wuhan/2026.11.25/.partial"]))
        #expect(!(try plan()).uploads.contains { $0.relativePath.split(separator: "/").contains { $0.hasPrefix(".") } })
    }

    @Test("Content-Type from the extension; immutable caching inside versions, no-cache elsewhere")
    func headers() throws {
        let uploads = Dictionary(uniqueKeysWithValues: try plan().uploads.map { ($0.relativePath, $0) })
        let expected: [(String, String, String)] = [
            ("wuhan/2026.11.25/districts.geojson", "application/geo+json", ObjectHeaders.immutableCacheControl),
            ("wuhan/2026.11.25/districts.fgb", "application/flatgeobuf", ObjectHeaders.immutableCacheControl),
            ("wuhan/2026.11.25/tiles/content/0.glb", "model/gltf-binary", ObjectHeaders.immutableCacheControl),
            ("wuhan/2026.11.25/wuhan-2026.11.25.tar.gz", "application/gzip", ObjectHeaders.immutableCacheControl),
            ("wuhan/2026.11.25/CHANGES.md", "text/markdown; charset=utf-8", ObjectHeaders.immutableCacheControl),
            ("wuhan/2026.11.25/manifest.json", "application/json", ObjectHeaders.immutableCacheControl),
            ("wuhan/2026.11.25/manifest.json.sig", "text/plain", ObjectHeaders.immutableCacheControl),
            ("wuhan/2026.11.24/WITHDRAWN.json", "application/json", "no-cache"),
            ("wuhan/index.html", "text/html; charset=utf-8", "no-cache"),
            ("wuhan/latest.json", "application/json", "no-cache"),
            ("wuhan/latest.json.sig", "text/plain", "no-cache"),
            ("catalog.json", "application/json", "no-cache"),
        ]
        for (path, contentType, cacheControl) in expected {
            #expect(uploads[path]?.contentType == contentType, "\(path)")
            #expect(uploads[path]?.cacheControl == cacheControl, "\(path)")
        }
    }

    @Test("A version whose remote manifest has the same bytes is complete: only files missing there are put back")
    func presentVersionSkipped() throws {
        let manifest = "wuhan/2026.11.25/manifest.json"
        let version = Self.freshOrder.filter { $0.hasPrefix("wuhan/2026.11.25/") }
        let complete = try plan(remote: remote(version), manifests: [manifest: try fixture.contents(manifest)])
        #expect(complete.presentVersions == ["wuhan@2026.11.25"])
        #expect(complete.newVersions == ["hubei@2026.1.2", "wuhan@2026.11.26"])
        #expect(!complete.uploads.contains { $0.relativePath.hasPrefix("wuhan/2026.11.25/") })
        #expect(complete.filesInPresentVersions == 9)
        #expect(complete.deletions.isEmpty)

        let lost = "wuhan/2026.11.25/districts.geojson"
        let damaged = try plan(
            remote: remote(version.filter { $0 != lost }), manifests: [manifest: try fixture.contents(manifest)])
        #expect(damaged.presentVersions == ["wuhan@2026.11.25"])
        #expect(damaged.uploads.filter { $0.relativePath.hasPrefix("wuhan/2026.11.25/") }.map(\.relativePath) == [lost])
        #expect(damaged.filesInPresentVersions == 8)
    }

    @Test("Remote manifests with other bytes, or remote tombstones, refuse the whole run and name every version")
    func conflicts() throws {
        let paths = ["wuhan/2026.11.25/manifest.json", "hubei/2026.1.2/manifest.json"]
        var remote = try remote(paths)
        remote.append(S3ObjectInfo(key: destination.key("wuhan/2026.11.26/WITHDRAWN.json"), size: 2, eTag: "x"))
        let manifests = [paths[0]: Data("{}".utf8), paths[1]: Data("changed".utf8)]
        let error = #expect(throws: MirrorError.self) { try plan(remote: remote, manifests: manifests) }
        guard case .versionConflicts(let where_, let conflicts) = error else {
            Issue.record("expected versionConflicts, got \(String(describing: error))")
            return
        }
        #expect(where_ == "s3://bucket/site/public/")
        #expect(
            conflicts == [
                .init(bundle: "hubei", version: "2026.1.2", reason: .manifestDiffers),
                .init(bundle: "wuhan", version: "2026.11.25", reason: .manifestDiffers),
                .init(bundle: "wuhan", version: "2026.11.26", reason: .withdrawnAtDestination),
            ])
        let text = error?.description ?? ""
        #expect(
            text.contains("wuhan@2026.11.25") && text.contains("hubei@2026.1.2")
                && text.contains("nothing was uploaded"))
        #expect(text.contains("publish the changed data under a new version"))
        #expect(error?.exitStatus == .usage)
    }

    @Test("An interrupted upload continues: data already there is skipped, the manifest still goes last")
    func resume() throws {
        try fixture.write("wuhan/2026.11.25/districts.fgb", "fgb bytes")
        var remote = try remote(["wuhan/2026.11.25/CHANGES.md", "wuhan/2026.11.25/items/districts.json"])
        // Same size, other bytes: uploaded again.
        remote.append(
            S3ObjectInfo(
                key: destination.key("wuhan/2026.11.25/districts.fgb"), size: 9,
                eTag: "00000000000000000000000000000000"))
        let plan = try plan(remote: remote)
        #expect(plan.unchanged == ["wuhan/2026.11.25/CHANGES.md", "wuhan/2026.11.25/items/districts.json"])
        let version = plan.uploads.filter { $0.relativePath.hasPrefix("wuhan/2026.11.25/") }.map(\.relativePath)
        #expect(
            version == [
                "wuhan/2026.11.25/districts.fgb", "wuhan/2026.11.25/districts.geojson",
                "wuhan/2026.11.25/tiles/content/0.glb", "wuhan/2026.11.25/tiles/tileset.json",
                "wuhan/2026.11.25/wuhan-2026.11.25.tar.gz", "wuhan/2026.11.25/manifest.json.sig",
                "wuhan/2026.11.25/manifest.json",
            ])
        #expect(plan.newVersions.contains("wuhan@2026.11.25"))
    }

    @Test("Unchanged bundle and root files are skipped; a changed one of the same size is uploaded")
    func unchangedPointers() throws {
        let pointers = [
            "catalog.json", "keys.json", "keys.json.sig", "wuhan/collection.json", "wuhan/index.html",
            "wuhan/versions.json", "wuhan/versions.json.sig", "wuhan/latest.json.sig",
        ]
        let before = try remote(pointers + ["wuhan/latest.json"])
        try fixture.write("wuhan/latest.json", #"{"version":"2026.11.27"}"#)
        let plan = try plan(remote: before)
        let planned = plan.uploads.filter { $0.stage >= .bundleFiles }.map(\.relativePath)
        #expect(
            planned == [
                "hubei/collection.json", "hubei/versions.json.sig", "hubei/versions.json", "hubei/latest.json.sig",
                "hubei/latest.json", "wuhan/latest.json",
            ])
        #expect(Set(plan.unchanged) == Set(pointers))
    }

    @Test("Remote objects without a local file are deleted last, manifests first")
    func deletions() throws {
        let stale = [
            S3ObjectInfo(key: destination.key("wuhan/2026.11.20/a.geojson"), size: 1, eTag: "a"),
            S3ObjectInfo(key: destination.key("wuhan/2026.11.20/manifest.json"), size: 1, eTag: "b"),
            S3ObjectInfo(key: destination.key("wuhan/2026.11.24/districts.geojson"), size: 1, eTag: "c"),
            S3ObjectInfo(key: destination.key("wuhan/2026.11.24/manifest.json"), size: 1, eTag: "d"),
            S3ObjectInfo(key: destination.key(".lock"), size: 1, eTag: "e"),
        ]
        let plan = try plan(remote: stale)
        #expect(
            plan.deletions == [
                "site/public/wuhan/2026.11.20/manifest.json", "site/public/wuhan/2026.11.24/manifest.json",
                "site/public/.lock", "site/public/wuhan/2026.11.20/a.geojson",
                "site/public/wuhan/2026.11.24/districts.geojson",
            ])
        #expect(plan.uploads.map(\.relativePath) == Self.freshOrder)
    }

    @Test("A prefix-less destination uses the paths as keys")
    func bucketRoot() throws {
        let plan = try MirrorPlan(
            tree: PublishTree(scanning: fixture.root), destination: S3Location(parsing: "s3://bucket"), remote: [],
            remoteManifests: [:])
        #expect(plan.uploads.map(\.key) == Self.freshOrder)
    }

    @Test("A version folder with neither manifest nor tombstone, or a folder without catalog.json, is refused")
    func damagedRoots() throws {
        try fixture.remove("wuhan/2026.11.26/manifest.json")
        #expect(
            throws: MirrorError.incompleteVersion(
                bundle: "wuhan", version: "2026.11.26", path: fixture.root + "/wuhan/2026.11.26")
        ) { try PublishTree(scanning: fixture.root) }
        try fixture.remove("catalog.json")
        #expect(throws: MirrorError.notAPublishRoot(path: fixture.root, reason: "no catalog.json")) {
            try PublishTree(scanning: fixture.root)
        }
        #expect(throws: MirrorError.notAPublishRoot(path: fixture.root + "/nope", reason: "not a folder")) {
            try PublishTree(scanning: fixture.root + "/nope")
        }
    }
}

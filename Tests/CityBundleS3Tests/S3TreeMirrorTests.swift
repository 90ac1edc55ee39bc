import Foundation
import Testing

@testable import CityBundleS3

/// Whole mirror runs against an in-memory bucket: order, reruns, refusals, interruptions, retention.
@Suite("Mirror runs (in memory)")
struct S3TreeMirrorTests {
    let fixture: PublishRootFixture
    let store = InMemoryObjectStore()
    let destination: S3Location

    init() throws {
        fixture = try PublishRootFixture()
        destination = try S3Location(parsing: "s3://bucket/pub/")
    }

    private func mirror() -> S3TreeMirror {
        S3TreeMirror(root: fixture.root, destination: destination, store: store, concurrency: 4)
    }

    @Test("A first run uploads every file in order with its headers; a second run uploads nothing and says so")
    func firstAndSecondRun() async throws {
        let summary = try await mirror().run()
        #expect(Set(summary.uploaded) == Set(MirrorPlanTests.freshOrder))
        #expect(summary.uploaded.count == MirrorPlanTests.freshOrder.count)
        MirrorOrderChecks.expectValidOrder(summary.uploaded)
        #expect(await store.puts == summary.uploaded.map { "pub/" + $0 })
        #expect(summary.uploadedBytes == Int64(PublishRootFixture.files.values.map { $0.utf8.count }.reduce(0, +)))
        #expect(summary.versionsUploaded == ["hubei@2026.1.2", "wuhan@2026.11.25", "wuhan@2026.11.26"])
        #expect(summary.deleted.isEmpty)
        #expect(summary.description.hasPrefix("uploaded 31 files"))
        let objects = await store.objects
        #expect(objects["pub/wuhan/2026.11.25/tiles/content/0.glb"]?.contentType == "model/gltf-binary")
        #expect(objects["pub/wuhan/2026.11.25/manifest.json"]?.cacheControl == "public, max-age=31536000, immutable")
        #expect(objects["pub/wuhan/latest.json"]?.cacheControl == "no-cache")
        #expect(objects.keys.allSatisfy { !$0.contains("/.") })

        await store.clearCalls()
        let again = try await mirror().run()
        #expect(again.uploaded.isEmpty && again.deleted.isEmpty)
        #expect(again.versionsAlreadyPresent == ["hubei@2026.1.2", "wuhan@2026.11.25", "wuhan@2026.11.26"])
        #expect(again.description.hasPrefix("destination already up to date: nothing uploaded, 31 files unchanged"))
        #expect(await store.puts.isEmpty)
        #expect(await store.deletes.isEmpty)
    }

    @Test("Progress reports each upload and deletion as it happens")
    func progress() async throws {
        let events = EventLog()
        let summary = try await mirror().run { events.append($0) }
        #expect(events.items.count == summary.uploaded.count)
        let first = summary.uploaded[0]
        #expect(
            events.items.first
                == .uploaded(relativePath: first, bytes: Int64(PublishRootFixture.files[first]!.utf8.count)))
    }

    @Test("A changed manifest of a published version is refused before any upload or deletion")
    func changedManifestRefused() async throws {
        _ = try await mirror().run()
        try fixture.write("wuhan/2026.11.25/manifest.json", #"{"bundle":"wuhan","version":"2026.11.25","x":1}"#)
        try fixture.write("wuhan/2026.11.27/new.geojson", "{}")
        try fixture.write("wuhan/2026.11.27/manifest.json", "{}")
        try fixture.remove("wuhan/2026.11.26")
        await store.clearCalls()
        await #expect(throws: MirrorError.self) { try await mirror().run() }
        let calls = await store.calls
        #expect(!calls.contains { if case .put = $0 { true } else if case .delete = $0 { true } else { false } })
        #expect(calls.contains(.get("pub/wuhan/2026.11.25/manifest.json")))
    }

    @Test("An interrupted run leaves no manifest of a partial version; the next run finishes the job")
    func interruptedRun() async throws {
        await store.setUploadsBeforeFailure(5)
        await #expect(throws: InMemoryObjectStore.InjectedFailure.self) { try await mirror().run() }
        let partial = await store.objects
        #expect(partial.count == 5)
        #expect(partial["pub/wuhan/2026.11.25/manifest.json"] == nil)
        #expect(partial["pub/catalog.json"] == nil)

        await store.setUploadsBeforeFailure(nil)
        let summary = try await mirror().run()
        MirrorOrderChecks.expectValidOrder(summary.uploaded)
        // hubei@2026.1.2 was completed by the first run; two data files of wuhan@2026.11.25 are reused.
        #expect(summary.versionsAlreadyPresent == ["hubei@2026.1.2"])
        #expect(summary.unchanged == 2)
        #expect(summary.uploaded.count + summary.unchanged + summary.filesInPresentVersions == 31)
        #expect(await store.objects.count == 31)
    }

    @Test("Retention and withdrawal: objects without a local file are deleted at the very end, manifests first")
    func retentionAndWithdrawal() async throws {
        _ = try await mirror().run()
        try fixture.remove("wuhan/2026.11.25")
        try fixture.remove("wuhan/2026.11.26")
        try fixture.write("wuhan/2026.11.26/WITHDRAWN.json", #"{"version":"2026.11.26"}"#)
        try fixture.write("wuhan/2026.11.26/WITHDRAWN.json.sig", "sig\n")
        try fixture.write("wuhan/versions.json", #"{"bundle":"wuhan","sequence":4}"#)
        await store.clearCalls()
        let summary = try await mirror().run()
        #expect(
            summary.uploaded == [
                "wuhan/2026.11.26/WITHDRAWN.json.sig", "wuhan/2026.11.26/WITHDRAWN.json", "wuhan/versions.json",
            ])
        #expect(
            summary.deleted.prefix(2) == ["pub/wuhan/2026.11.25/manifest.json", "pub/wuhan/2026.11.26/manifest.json"])
        #expect(summary.deleted.count == 9 + 3)
        let calls = await store.calls
        let lastPut = calls.lastIndex { if case .put = $0 { true } else { false } } ?? 0
        let firstDelete = calls.firstIndex { if case .delete = $0 { true } else { false } } ?? 0
        #expect(lastPut < firstDelete)
        let keys = Set(await store.objects.keys)
        #expect(!keys.contains { $0.hasPrefix("pub/wuhan/2026.11.25/") })
        #expect(
            Set(keys.filter { $0.hasPrefix("pub/wuhan/2026.11.26/") })
                == ["pub/wuhan/2026.11.26/WITHDRAWN.json", "pub/wuhan/2026.11.26/WITHDRAWN.json.sig"])
    }

    @Test("A publish holding the root's lock stops the mirror")
    func lockHeld() async throws {
        let lock = try PublishRootLock(fixture.root)
        await #expect(throws: MirrorError.lockHeld(path: fixture.root)) { try await mirror().run() }
        lock.release()
        _ = try await mirror().plan()
    }
}

/// Events collected from the progress callback.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [MirrorEvent] = []

    func append(_ event: MirrorEvent) {
        lock.lock()
        events.append(event)
        lock.unlock()
    }

    var items: [MirrorEvent] {
        lock.lock()
        defer { lock.unlock() }
        return events
    }
}

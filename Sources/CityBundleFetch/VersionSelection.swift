import CityBundlePublish
import Foundation

/// The signed documents of one bundle, checked against each other and against what was seen before.
struct VersionSelection: Sendable {
    /// `versions.json`.
    var versions: VersionsIndex
    /// `latest.json`, when the bundle has one.
    var latest: LatestPointer?
    /// The version to fetch.
    var record: VersionRecord
    /// Its manifest, signed and vouched for by `versions.json`.
    var manifest: Manifest
    /// The manifest's exact bytes and signature (kept with the local copy).
    var manifestBytes: Data
    var manifestSignature: Data

    /// Downloads and checks `versions.json`, `latest.json` and the manifest of `requested` (nil: latest).
    /// - Throws: `FetchError.verification` for a bad signature, a rollback, a withdrawn version or a manifest
    ///   that is not the listed one; `.usage` for a version that was never published.
    static func load(
        bundle: String, requested: String?, transport: any FetchTransport, trusted: TrustedKeys, seen: VerifierState,
        now: Date = Date()
    ) async throws -> VersionSelection {
        let versionsPath = "\(bundle)/versions.json"
        let latestPath = "\(bundle)/latest.json"
        guard let versionsBytes = try await transport.document(versionsPath, maxSize: 64 << 20) else {
            throw FetchError.usage("\(versionsPath): not found: the publish root has no bundle '\(bundle)'")
        }
        try SignatureCheck.require(
            versionsBytes, signature: try await transport.document(versionsPath + ".sig", maxSize: 4096),
            path: versionsPath, trusted: trusted)
        guard let versions = CanonicalJSON.decode(VersionsIndex.self, from: versionsBytes), versions.bundle == bundle
        else {
            throw FetchError.verification(path: versionsPath, message: "signed, but not this bundle's versions.json")
        }

        var latest: LatestPointer?
        if let latestBytes = try await transport.document(latestPath, maxSize: 1 << 20) {
            try SignatureCheck.require(
                latestBytes, signature: try await transport.document(latestPath + ".sig", maxSize: 4096),
                path: latestPath, trusted: trusted)
            guard let pointer = CanonicalJSON.decode(LatestPointer.self, from: latestBytes), pointer.bundle == bundle
            else {
                throw FetchError.verification(path: latestPath, message: "signed, but not this bundle's latest.json")
            }
            if pointer.sequence > versions.sequence {
                throw FetchError.verification(
                    path: versionsPath,
                    message: "rollback: sequence \(versions.sequence) is older than latest.json's \(pointer.sequence)")
            }
            if pointer.sequence == versions.sequence, pointer.versionsSHA256 != SignatureCheck.sha256(versionsBytes) {
                throw FetchError.verification(
                    path: latestPath, message: "names another versions.json of the same sequence \(versions.sequence)")
            }
            latest = pointer
        }
        try checkRollback(bundle: bundle, versions: versions, latest: latest, seen: seen)
        let record = try choose(bundle: bundle, requested: requested, versions: versions, latest: latest)
        let manifestPath = "\(bundle)/\(record.manifest.path)"
        guard let manifestBytes = try await transport.document(manifestPath, maxSize: 64 << 20) else {
            throw FetchError.verification(path: manifestPath, message: "manifest not found")
        }
        let manifestSignature = try await transport.document(manifestPath + ".sig", maxSize: 4096)
        guard SignatureCheck.sha256(manifestBytes) == record.manifest.sha256,
            Int64(manifestBytes.count) == record.manifest.size
        else {
            throw FetchError.verification(
                path: manifestPath, message: "not the manifest the signed versions.json lists for \(record.version)")
        }
        try SignatureCheck.require(manifestBytes, signature: manifestSignature, path: manifestPath, trusted: trusted)
        guard let manifest = CanonicalJSON.decode(Manifest.self, from: manifestBytes),
            manifest.bundle == bundle, manifest.version == record.version
        else {
            throw FetchError.verification(
                path: manifestPath, message: "not the manifest of \(bundle) \(record.version)")
        }
        if let expires = manifest.expires, let date = Timestamp.date(expires), date < now {
            throw FetchError.verification(path: manifestPath, message: "expired at \(expires)")
        }
        return VersionSelection(
            versions: versions, latest: latest, record: record, manifest: manifest, manifestBytes: manifestBytes,
            manifestSignature: manifestSignature ?? Data())
    }

    /// Refuses an index or pointer older than what was seen before.
    private static func checkRollback(
        bundle: String, versions: VersionsIndex, latest: LatestPointer?, seen: VerifierState
    ) throws {
        guard let before = seen.bundles[bundle] else { return }
        let versionsPath = "\(bundle)/versions.json"
        if versions.sequence < before.versionsSequence {
            throw FetchError.verification(
                path: versionsPath,
                message:
                    "rollback: sequence \(versions.sequence) is older than sequence \(before.versionsSequence) seen before"
            )
        }
        guard let highest = BundleVersion(before.highestVersion), highest.components != [0] else { return }
        guard let highestRecord = versions.record(highest) else {
            throw FetchError.verification(
                path: versionsPath,
                message: "rollback: does not list \(before.highestVersion), which was seen before")
        }
        if let latest, let pointed = BundleVersion(latest.version), pointed < highest,
            highestRecord.status == .published
        {
            throw FetchError.verification(
                path: "\(bundle)/latest.json",
                message:
                    "rollback: points to \(latest.version), older than \(before.highestVersion) seen before, which was not withdrawn"
            )
        }
    }

    /// The record to fetch: the requested version, or the one `latest.json` names (else the newest published).
    private static func choose(
        bundle: String, requested: String?, versions: VersionsIndex, latest: LatestPointer?
    ) throws -> VersionRecord {
        let text = requested ?? latest?.version ?? versions.latestPublished?.version
        guard let text else { throw FetchError.usage("\(bundle): no version is published") }
        guard let parsed = BundleVersion(text) else {
            throw FetchError.usage("'\(text)' is not a version such as 2026.11.25 (or use @latest)")
        }
        guard let record = versions.record(parsed), record.version == text else {
            let available = versions.versions.filter { $0.status == .published }.map(\.version)
            throw FetchError.usage(
                "\(bundle)/versions.json does not list version \(text) (published: \(available.joined(separator: ", ")))"
            )
        }
        switch record.status {
        case .published:
            if requested == nil, let latest, record.manifest.sha256 != latest.manifestSHA256 {
                throw FetchError.verification(
                    path: "\(bundle)/latest.json", message: "names a manifest versions.json does not list for \(text)")
            }
            return record
        case .withdrawn:
            let reason = record.withdrawal.map { " on \($0.date): \($0.reason)" } ?? ""
            throw FetchError.verification(
                path: "\(bundle)/\(record.version)", message: "version \(record.version) was withdrawn\(reason)")
        case .removed:
            throw FetchError.io(
                path: "\(bundle)/\(record.version)",
                message: "version \(record.version) was removed by the retention policy on \(record.removed ?? "?")")
        }
    }

    /// `state` advanced past what was verified (only from signed documents).
    func advancing(_ seen: VerifierState, bundle: String) -> VerifierState {
        var state = seen
        var entry = state.bundles[bundle] ?? VerifierState.BundleState(highestVersion: "0", versionsSequence: 0)
        entry.versionsSequence = max(entry.versionsSequence, versions.sequence)
        let highest = BundleVersion(entry.highestVersion) ?? BundleVersion("0")!
        if let latest, let pointed = BundleVersion(latest.version), pointed > highest {
            entry.highestVersion = latest.version
        }
        state.bundles[bundle] = entry
        return state
    }
}

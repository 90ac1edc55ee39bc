import Foundation

extension BundlePublisher {
    /// Makes `index` the bundle's state: collection, index page and catalog first, then the signed
    /// `versions.json`, then the signed `latest.json` (removed when no version is left).
    func switchPointers(
        _ layout: BundleLayout, index: VersionsIndex, signingKey: SigningKey, checkpoints: Bool
    ) throws {
        try writeDerived(layout, index: index)
        let bytes = try CanonicalJSON.encode(index)
        try SignedFilePair.commit(
            document: bytes, signature: try signingKey.sign(bytes, document: "versions.json"), to: layout.versionsPath)
        if checkpoints { try checkpoint(.afterVersions) }
        try writeLatest(layout, index: index, versionsBytes: bytes, signingKey: signingKey)
    }

    /// The `latest.json` that goes with `index` (whose exact bytes are `versionsBytes`); nil when nothing is
    /// published.
    static func expectedLatest(_ index: VersionsIndex, versionsBytes: Data) -> LatestPointer? {
        guard let record = index.latestPublished else { return nil }
        return LatestPointer(
            bundle: index.bundle, version: record.version, manifest: record.manifest.path,
            manifestSHA256: record.manifest.sha256, sequence: index.sequence,
            versionsSHA256: FileDigest.sha256(versionsBytes))
    }

    /// Returns the result for a version that already holds the request's data, first finishing pointers an
    /// interrupted publish did not write.
    func finishUnchanged(
        _ request: PublishRequest, layout: BundleLayout, index: VersionsIndex, record: VersionRecord, keys: Data
    ) throws -> PublishResult {
        let manifest = try readManifest(layout, record: record)
        let versionsBytes = DurableFiles.contents(layout.versionsPath) ?? Data()
        var outcome = PublishResult.Outcome.unchanged
        if try !derivedAreCurrent(layout, index: index) {
            try writeDerived(layout, index: index)
            outcome = .completed
        }
        let expected = try Self.expectedLatest(index, versionsBytes: versionsBytes).map { try CanonicalJSON.encode($0) }
        if DurableFiles.contents(layout.latestPath) != expected || !DurableFiles.exists(layout.latestPath + ".sig") {
            try writeLatest(layout, index: index, versionsBytes: versionsBytes, signingKey: request.signingKey)
            outcome = .completed
        }
        return PublishResult(
            outcome: outcome, bundleID: request.bundleID, version: record.version,
            versionDirectory: layout.versionDirectory(record.version), manifest: manifest,
            manifestSHA256: record.manifest.sha256, summary: record.summary,
            warnings: RightsDocument.warnings(rights: request.rights, layers: request.layers),
            forcedFeatureLosses: [], removedVersions: [])
    }

    private func renderDerived(_ layout: BundleLayout, index: VersionsIndex) throws -> [(String, Data)] {
        let latestManifest = try index.latestPublished.map { try readManifest(layout, record: $0) }
        return [
            (layout.collectionPath, try DerivedFiles.collection(index)),
            (layout.indexPath, DerivedFiles.indexPage(index, latestManifest: latestManifest)),
            (layout.catalogPath, try DerivedFiles.catalog(root: layout.root, current: index)),
        ]
    }

    private func writeDerived(_ layout: BundleLayout, index: VersionsIndex) throws {
        for (path, data) in try renderDerived(layout, index: index) where DurableFiles.contents(path) != data {
            try DurableFiles.writeAtomically(data, to: path)
        }
    }

    private func derivedAreCurrent(_ layout: BundleLayout, index: VersionsIndex) throws -> Bool {
        try renderDerived(layout, index: index).allSatisfy { DurableFiles.contents($0.0) == $0.1 }
    }

    private func writeLatest(
        _ layout: BundleLayout, index: VersionsIndex, versionsBytes: Data, signingKey: SigningKey
    ) throws {
        if let pointer = Self.expectedLatest(index, versionsBytes: versionsBytes) {
            let bytes = try CanonicalJSON.encode(pointer)
            try SignedFilePair.commit(
                document: bytes, signature: try signingKey.sign(bytes, document: "latest.json"), to: layout.latestPath)
        } else {
            try DurableFiles.removeFile(layout.latestPath)
            try DurableFiles.removeFile(layout.latestPath + ".sig")
            try DurableFiles.syncDirectory(layout.bundleDirectory)
        }
    }
}

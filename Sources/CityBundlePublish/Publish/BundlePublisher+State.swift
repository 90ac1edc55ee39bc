import Foundation

extension BundlePublisher {
    /// Cleans up after an interrupted run: finishes or drops half-replaced signed pairs, removes staging
    /// directories and temporary files, deletes directories of removed versions and files left in withdrawn ones.
    /// Version directories no `versions.json` lists are dealt with by the publish itself (adopted or removed).
    func recover(_ layout: BundleLayout, keys: KeysDocument) throws {
        try SignedFilePair.recover(layout.versionsPath)
        try SignedFilePair.recover(layout.latestPath)
        for directory in [layout.root, layout.bundleDirectory] {
            for name in DurableFiles.list(directory) where name.hasPrefix(".") && name.contains(".tmp-") {
                try DurableFiles.removeFile("\(directory)/\(name)")
            }
        }
        for name in DurableFiles.list(layout.bundleDirectory) where name.hasPrefix(BundleLayout.stagingPrefix) {
            try DurableFiles.removeTree("\(layout.bundleDirectory)/\(name)")
        }
        guard let index = try loadIndex(layout, keys: keys) else { return }
        for record in index.versions {
            let directory = layout.versionDirectory(record.version)
            switch record.status {
            case .published:
                break
            case .removed:
                try DurableFiles.removeTree(directory)
            case .withdrawn:
                guard DurableFiles.isDirectory(directory) else { continue }
                let keep: Set<String> = [BundleLayout.tombstoneFile, BundleLayout.tombstoneFile + ".sig"]
                let leftovers = DurableFiles.list(directory).filter { !keep.contains($0) }
                guard !leftovers.isEmpty else { continue }
                try DurableFiles.makeWritable(directory)
                try SignedFilePair.recover(layout.tombstonePath(record.version))
                for name in DurableFiles.list(directory) where !keep.contains(name) {
                    try DurableFiles.removeTree("\(directory)/\(name)")
                }
                try DurableFiles.syncDirectory(directory)
                try DurableFiles.makeReadOnly(directory)
            }
        }
    }

    /// The bundle's `versions.json`, its signature checked against every key `keys.json` lists (a key revoked
    /// since still lets the publisher read what it signed); nil when the bundle has none yet.
    func loadIndex(_ layout: BundleLayout, keys: KeysDocument) throws -> VersionsIndex? {
        guard let bytes = DurableFiles.contents(layout.versionsPath) else { return nil }
        let everyKey = TrustedKeys(
            keys.keys.map { record in
                var active = record
                active.status = .active
                return active
            })
        let check = everyKey.check(bytes, signature: DurableFiles.contents(layout.versionsPath + ".sig"))
        guard check.isValid else {
            throw PublishError.corruptMetadata(path: layout.versionsPath, reason: check.explanation)
        }
        guard let index = CanonicalJSON.decode(VersionsIndex.self, from: bytes), index.bundle == layout.bundle else {
            throw PublishError.corruptMetadata(path: layout.versionsPath, reason: "not this bundle's versions document")
        }
        return index
    }

    /// The manifest of a listed version, checked against the SHA-256 `versions.json` records.
    func readManifest(_ layout: BundleLayout, record: VersionRecord) throws -> Manifest {
        let path = layout.inBundle(record.manifest.path)
        guard let bytes = DurableFiles.contents(path) else { throw PublishError.missingFile(path) }
        guard FileDigest.sha256(bytes) == record.manifest.sha256,
            let manifest = CanonicalJSON.decode(Manifest.self, from: bytes)
        else { throw PublishError.corruptMetadata(path: path, reason: "differs from the manifest versions.json lists") }
        return manifest
    }
}

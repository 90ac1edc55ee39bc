import CityBundleModel
import Foundation

extension BundlePublisher {
    /// The manifest entries of the request's data files, hashed where they are staged, sorted by path.
    func stagedEntries(_ request: PublishRequest) throws -> [ManifestEntry] {
        var entries: [ManifestEntry] = []
        for layer in request.layers {
            for file in layer.files {
                let (size, sha256) = try FileDigest.of(file: "\(request.stagingDirectory)/\(file.path)")
                entries.append(
                    ManifestEntry(
                        path: file.path, size: size, sha256: sha256, mediaType: file.resolvedMediaType, role: .data))
            }
        }
        return entries.sorted { $0.path < $1.path }
    }

    /// Builds the complete version in a staging directory and renames it to `<bundle>/<version>`.
    /// Returns its manifest.
    func buildVersion(
        _ request: PublishRequest, layout: BundleLayout, version: String, staged: [ManifestEntry]
    ) throws -> Manifest {
        let staging = "\(layout.bundleDirectory)/\(BundleLayout.stagingPrefix)\(DurableFiles.randomSuffix())"
        do {
            let manifest = try writeVersion(request, into: staging, version: version, staged: staged)
            // The hashes were taken moments ago from these files: check that nothing was added or resized.
            try verifyTree(staging, manifest: manifest, hashes: false)
            try DurableFiles.syncTree(staging)
            try DurableFiles.makeReadOnly(staging)
            try DurableFiles.syncDirectory(layout.bundleDirectory)
            try checkpoint(.afterStaging)
            try DurableFiles.rename(staging, to: layout.versionDirectory(version))
            try DurableFiles.syncDirectory(layout.bundleDirectory)
            try checkpoint(.afterRename)
            return manifest
        } catch let error as PublishError {
            try? DurableFiles.removeTree(staging)
            throw error
        }
    }

    /// Writes every file of the version into `directory`.
    private func writeVersion(
        _ request: PublishRequest, into directory: String, version: String, staged: [ManifestEntry]
    ) throws -> Manifest {
        try DurableFiles.createDirectory(directory)
        let created = Timestamp.string(clock())
        var entries: [ManifestEntry] = []

        // Data files, copied and hashed again: the copy must be what was checked.
        var archiveFiles: [String: String] = [:]
        for entry in staged {
            let destination = "\(directory)/\(entry.path)"
            try DurableFiles.createDirectory(URL(fileURLWithPath: destination).deletingLastPathComponent().path)
            try DurableFiles.copyFile(from: "\(request.stagingDirectory)/\(entry.path)", to: destination)
            let (size, sha256) = try FileDigest.of(file: destination)
            guard size == entry.size, sha256 == entry.sha256 else {
                throw PublishError.invalidRequest("\(entry.path) changed in the staging directory during the publish")
            }
            entries.append(entry)
            archiveFiles[entry.path] = destination
        }

        // Documents that come with the data (changelogs), copied as they are.
        for document in request.documents.sorted() {
            let destination = "\(directory)/\(document)"
            try DurableFiles.createDirectory(URL(fileURLWithPath: destination).deletingLastPathComponent().path)
            try DurableFiles.copyFile(from: "\(request.stagingDirectory)/\(document)", to: destination)
            let (size, sha256) = try FileDigest.of(file: destination)
            entries.append(
                ManifestEntry(
                    path: document, size: size, sha256: sha256, mediaType: MediaType.forPath(document), role: .metadata)
            )
        }

        // Metadata written by the publisher.
        func write(_ value: JSONValue, _ path: String, mediaType: String = "application/json") throws {
            let data = try CanonicalJSON.encode(value)
            let full = "\(directory)/\(path)"
            try DurableFiles.createDirectory(URL(fileURLWithPath: full).deletingLastPathComponent().path)
            try DurableFiles.writeNew(data, to: full)
            entries.append(
                ManifestEntry(
                    path: path, size: Int64(data.count), sha256: FileDigest.sha256(data), mediaType: mediaType,
                    role: .metadata))
        }
        let byPath = Dictionary(staged.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        for layer in request.layers {
            let files = layer.files.compactMap { byPath[$0.path] }
            try write(
                STACDocuments.item(
                    bundle: request.bundleID, version: version, created: created, layer: layer, files: files),
                "items/\(layer.id).json", mediaType: "application/geo+json")
        }
        try write(
            DataPackageDocument.render(
                bundle: request.bundleID, title: request.title, description: request.description, version: version,
                created: created, rights: request.rights, layers: request.layers, files: staged),
            "datapackage.json")
        try write(
            RightsDocument.render(
                bundle: request.bundleID, version: version, created: created, rights: request.rights,
                layers: request.layers),
            "rights.json")
        try write(
            [
                "bundle": .string(request.bundleID),
                "version": .string(version),
                "created": .string(created),
                "generator": "CityBundlePublish",
                "pipeline": .object(request.provenance),
            ],
            "provenance.json")

        // The reproducible archive of the data files.
        let archiveName = "\(request.bundleID)-\(version).tar.gz"
        try ReproducibleArchive.write(files: archiveFiles, to: "\(directory)/\(archiveName)")
        let (archiveSize, archiveSHA) = try FileDigest.of(file: "\(directory)/\(archiveName)")
        entries.append(
            ManifestEntry(
                path: archiveName, size: archiveSize, sha256: archiveSHA, mediaType: "application/gzip",
                role: .archive))

        // The signed manifest.
        let manifest = Manifest(
            bundle: request.bundleID, version: version, created: created,
            expires: request.expires.map(Timestamp.string), files: entries)
        let bytes = try CanonicalJSON.encode(manifest)
        try DurableFiles.writeNew(bytes, to: "\(directory)/\(BundleLayout.manifestFile)")
        try DurableFiles.writeNew(
            try request.signingKey.sign(bytes, document: BundleLayout.manifestFile),
            to: "\(directory)/\(BundleLayout.manifestFile).sig")
        return manifest
    }

    /// Checks that `directory` holds exactly the manifest's files with their sizes and (`hashes`) SHA-256.
    func verifyTree(_ directory: String, manifest: Manifest, hashes: Bool = true) throws {
        let listed = Set(manifest.files.map(\.path))
        for entry in try DurableFiles.walk(directory) where !entry.isDirectory {
            let name = entry.relativePath
            guard entry.isRegularFile,
                listed.contains(name) || name == BundleLayout.manifestFile || name == BundleLayout.manifestFile + ".sig"
            else { throw PublishError.corruptMetadata(path: entry.path, reason: "file not in the manifest") }
        }
        for file in manifest.files {
            let path = "\(directory)/\(file.path)"
            if !hashes {
                let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int64) ?? -1
                guard size == file.size else {
                    throw PublishError.corruptMetadata(path: path, reason: "size differs from the manifest")
                }
                continue
            }
            let (size, sha256) = try FileDigest.of(file: path)
            guard size == file.size, sha256 == file.sha256 else {
                throw PublishError.corruptMetadata(
                    path: "\(directory)/\(file.path)", reason: "size or SHA-256 differs from the manifest")
            }
        }
    }

    /// The manifest of a version directory that no `versions.json` lists (an interrupted publish), unverified.
    func orphanManifest(_ layout: BundleLayout, _ version: String) throws -> Manifest {
        guard let data = DurableFiles.contents(layout.manifestPath(version)),
            let manifest = CanonicalJSON.decode(Manifest.self, from: data)
        else { throw PublishError.corruptMetadata(path: layout.manifestPath(version), reason: "no manifest") }
        return manifest
    }

    /// The manifest of an interrupted publish's directory when it is complete, holds `staged` and its signature
    /// verifies with a key in `keys.json`; otherwise throws.
    func adoptableManifest(_ layout: BundleLayout, _ version: String, staged: [ManifestEntry]) throws -> Manifest {
        let manifest = try orphanManifest(layout, version)
        guard manifest.dataFiles == staged, manifest.bundle == layout.bundle, manifest.version == version,
            let keys = try KeyRing(root: layout.root).load(),
            let bytes = DurableFiles.contents(layout.manifestPath(version)),
            TrustedKeys(keys.keys).check(bytes, signature: DurableFiles.contents(layout.manifestPath(version) + ".sig"))
                .isValid
        else { throw PublishError.corruptMetadata(path: layout.manifestPath(version), reason: "not adoptable") }
        try verifyTree(layout.versionDirectory(version), manifest: manifest)
        return manifest
    }

    /// The `versions.json` record of a freshly built (or adopted) version.
    func makeRecord(
        _ request: PublishRequest, version: String, manifest: Manifest, manifestBytes: Data, layout: BundleLayout,
        previous: VersionRecord?, previousManifest: Manifest?
    ) -> VersionRecord {
        let data = manifest.dataFiles
        let archive = manifest.files.first { $0.role == .archive }
        var deltas: [String: Int] = [:]
        let before = previous?.featureCounts ?? [:]
        for layer in request.layers { deltas[layer.id] = layer.featureCount - (before[layer.id] ?? 0) }
        for (layer, count) in before where deltas[layer] == nil { deltas[layer] = -count }
        let oldFiles = previousManifest?.dataFiles ?? []
        let oldPaths = Set(oldFiles.map(\.path))
        let newPaths = Set(data.map(\.path))
        let changes = ChangeSummary(
            previousVersion: previous?.version, addedFiles: newPaths.subtracting(oldPaths).sorted(),
            removedFiles: oldPaths.subtracting(newPaths).sorted(),
            modifiedFiles: Self.changedPaths(oldFiles, data).filter { oldPaths.contains($0) && newPaths.contains($0) },
            featureDeltas: previous == nil ? [:] : deltas)
        let summary = [request.notes, changes.text].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " — ")
        return VersionRecord(
            version: version, status: .published, created: manifest.created, summary: summary, changes: changes,
            manifest: FileReference(
                path: "\(version)/\(BundleLayout.manifestFile)", size: Int64(manifestBytes.count),
                sha256: FileDigest.sha256(manifestBytes)),
            archive: FileReference(
                path: "\(version)/\(archive?.path ?? layout.archiveName(version))", size: archive?.size ?? 0,
                sha256: archive?.sha256 ?? ""),
            dataBytes: data.reduce(0) { $0 + $1.size }, title: request.title, description: request.description,
            license: request.rights.license, owner: request.rights.owner, contact: request.rights.contact,
            layers: request.layers.map {
                LayerSummary(
                    id: $0.id, title: $0.title, kind: $0.kind.rawValue, featureCount: $0.featureCount,
                    bbox: $0.bbox.asArray, license: $0.license, attribution: $0.attribution,
                    item: "\(version)/items/\($0.id).json")
            })
    }
}

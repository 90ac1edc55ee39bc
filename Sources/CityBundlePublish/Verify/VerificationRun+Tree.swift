import Foundation

extension VerificationRun {
    /// The collection, index page and catalog must be exactly what the trusted `versions.json` renders to.
    mutating func checkDerivedFiles() {
        guard let versions else { return }
        var latestManifest: Manifest?
        if let record = versions.latestPublished {
            let path = layout.inBundle(record.manifest.path)
            guard let bytes = DurableFiles.contents(path), FileDigest.sha256(bytes) == record.manifest.sha256,
                let manifest = CanonicalJSON.decode(Manifest.self, from: bytes)
            else {
                notes.append("index.html not checked: the manifest of \(record.version) is not the listed one")
                compare(layout.collectionPath, try? DerivedFiles.collection(versions), what: "collection")
                compare(
                    layout.catalogPath, try? DerivedFiles.catalog(root: layout.root, current: versions), what: "catalog"
                )
                return
            }
            latestManifest = manifest
        }
        compare(layout.collectionPath, try? DerivedFiles.collection(versions), what: "collection")
        compare(layout.indexPath, DerivedFiles.indexPage(versions, latestManifest: latestManifest), what: "index page")
        compare(layout.catalogPath, try? DerivedFiles.catalog(root: layout.root, current: versions), what: "catalog")
    }

    private mutating func compare(_ path: String, _ expected: Data?, what: String) {
        guard let expected else { return }
        guard let actual = DurableFiles.contents(path) else {
            problem(.missingFile, path, "\(what) not found")
            return
        }
        if actual != expected {
            problem(
                .inconsistent, path,
                "differs from the \(what) rendered from the signed versions.json: it was changed (or a publish was interrupted; publishing again rewrites it)"
            )
        }
    }

    /// Reports what else is in the bundle folder: leftovers of interrupted runs are notes, unknown files problems.
    mutating func checkBundleFolder() {
        let known: Set<String> = [
            "versions.json", "versions.json.sig", "latest.json", "latest.json.sig", "collection.json", "index.html",
        ]
        for name in DurableFiles.list(layout.bundleDirectory) where !known.contains(name) {
            let path = "\(layout.bundleDirectory)/\(name)"
            if name.hasPrefix(".") {
                notes.append("\(layout.relative(path)): left by an interrupted run; the next publish removes it")
            } else if let version = BundleVersion(name), DurableFiles.isDirectory(path) {
                guard let versions else { continue }
                switch versions.record(version)?.status {
                case nil:
                    notes.append(
                        "\(layout.relative(path)): not listed in versions.json (an interrupted publish); the next publish finishes or removes it"
                    )
                case .removed?:
                    notes.append("\(layout.relative(path)): removed by retention but still present")
                default:
                    break
                }
            } else {
                problem(.unexpectedFile, path, "not part of a published bundle")
            }
        }
    }
}

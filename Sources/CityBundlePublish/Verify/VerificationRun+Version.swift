import Foundation

extension VerificationRun {
    /// Checks the version asked for, or the one `latest.json` (else `versions.json`) names.
    mutating func checkTarget(_ requested: String?) {
        guard let text = requested ?? latest?.version ?? versions?.latestPublished?.version else {
            if versions != nil && requested == nil && versions?.latestPublished == nil {
                notes.append("no version is published")
            }
            return
        }
        target = text
        guard let version = BundleVersion(text) else {
            problem(.malformed, layout.bundleDirectory + "/" + text, "not a dotted-number version")
            return
        }
        if requested == nil && latest == nil {
            notes.append("latest.json is not trusted; checking \(text), the newest version versions.json lists")
        }
        var record: VersionRecord?
        if let versions {
            record = versions.record(version)
            guard let found = record, found.version == text else {
                problem(.unavailable, layout.versionDirectory(text), "versions.json does not list version \(text)")
                return
            }
            switch found.status {
            case .published: break
            case .withdrawn:
                checkTombstone(found)
                return
            case .removed:
                problem(
                    .unavailable, layout.versionDirectory(text),
                    "version \(text) was removed by the retention policy on \(found.removed ?? "?")")
                return
            }
        }
        guard let manifest = checkManifest(text, record: record) else { return }
        checkFiles(text, manifest: manifest)
    }

    /// Checks the manifest's signature and that it is the one `versions.json` lists; returns it when its
    /// entries can be trusted.
    private mutating func checkManifest(_ version: String, record: VersionRecord?) -> Manifest? {
        let path = layout.manifestPath(version)
        guard let bytes = DurableFiles.contents(path) else {
            problem(.missingFile, path, "manifest not found")
            return nil
        }
        let check = trusted.check(bytes, signature: DurableFiles.contents(path + ".sig"))
        let document = CanonicalJSON.decode(Manifest.self, from: bytes)
        let vouched = record?.manifest.sha256 == FileDigest.sha256(bytes)
        var trustworthy: Bool
        if check.isValid {
            trustworthy = true
            if record != nil && !vouched {
                let other = document?.version ?? "another version"
                problem(
                    other == version ? .inconsistent : .rollback, path,
                    "signed, but not the manifest versions.json lists for \(version) (this one is \(other)'s): replaced by another signed manifest"
                )
                trustworthy = false
            } else if record == nil {
                notes.append("versions.json is not trusted: the manifest is checked on its own signature")
            }
        } else if check.blamesSignatureFile || vouched {
            problem(.signature, path + ".sig", check.explanation)
            trustworthy = vouched
        } else {
            problem(.signature, path, "\(check.explanation): manifest.json was changed")
            trustworthy = false
        }
        guard trustworthy else {
            notes.append("files of \(version) not checked: the manifest is not trusted")
            return nil
        }
        guard let document else {
            problem(.malformed, path, "not a manifest")
            return nil
        }
        guard document.bundle == layout.bundle, document.version == version else {
            problem(
                .rollback, path,
                "is the manifest of \(document.bundle)/\(document.version), not of \(layout.bundle)/\(version)")
            return nil
        }
        if let expires = document.expires {
            if let date = Timestamp.date(expires) {
                if date < now { problem(.expired, path, "expired at \(expires)") }
            } else {
                problem(.malformed, path, "expires '\(expires)' is not a timestamp")
            }
        }
        return document
    }

    /// Checks every listed file's size and SHA-256, and that nothing else is in the version directory.
    private mutating func checkFiles(_ version: String, manifest: Manifest) {
        let directory = layout.versionDirectory(version)
        var listed = Set<String>()
        for entry in manifest.files {
            let full = "\(directory)/\(entry.path)"
            do {
                try RequestValidator.validateRelativePath(entry.path)
            } catch {
                problem(.malformed, layout.manifestPath(version), "lists the unsafe path '\(entry.path)'")
                continue
            }
            listed.insert(entry.path)
            filesChecked += 1
            guard DurableFiles.exists(full) else {
                problem(.missingFile, full, "listed in the manifest but missing")
                continue
            }
            do {
                let (size, sha256) = try FileDigest.of(file: full)
                if size != entry.size {
                    problem(.sizeMismatch, full, "\(size) bytes, the manifest says \(entry.size)")
                } else if sha256 != entry.sha256 {
                    problem(.checksumMismatch, full, "SHA-256 \(sha256) differs from the manifest's \(entry.sha256)")
                }
            } catch {
                problem(.unexpectedFile, full, "cannot be read as a regular file: \(error)")
            }
        }
        let own: Set<String> = [BundleLayout.manifestFile, BundleLayout.manifestFile + ".sig"]
        guard let entries = try? DurableFiles.walk(directory) else {
            problem(.missingFile, directory, "version directory cannot be listed")
            return
        }
        for entry in entries where !entry.isDirectory && !listed.contains(entry.relativePath) {
            if own.contains(entry.relativePath) && entry.isRegularFile { continue }
            problem(
                .unexpectedFile, entry.path,
                entry.isRegularFile ? "not listed in the signed manifest" : "not a regular file (symlink or device)")
        }
    }

    /// A withdrawn version: its tombstone must be signed and nothing else may be left.
    private mutating func checkTombstone(_ record: VersionRecord) {
        let path = layout.tombstonePath(record.version)
        let directory = layout.versionDirectory(record.version)
        if let bytes = DurableFiles.contents(path) {
            let check = trusted.check(bytes, signature: DurableFiles.contents(path + ".sig"))
            let vouched = record.withdrawal?.tombstone.sha256 == FileDigest.sha256(bytes)
            if check.isValid {
                if !vouched { problem(.inconsistent, path, "is not the tombstone versions.json lists") }
            } else if check.blamesSignatureFile || vouched {
                problem(.signature, path + ".sig", check.explanation)
            } else {
                problem(.signature, path, "\(check.explanation): WITHDRAWN.json was changed")
            }
        } else {
            problem(.missingFile, path, "withdrawn version without its tombstone")
        }
        let keep: Set<String> = [BundleLayout.tombstoneFile, BundleLayout.tombstoneFile + ".sig"]
        for entry in (try? DurableFiles.walk(directory)) ?? [] where !keep.contains(entry.relativePath) {
            problem(.unexpectedFile, entry.path, "still present in a withdrawn version")
        }
        let withdrawal = record.withdrawal
        problem(
            .withdrawn, directory,
            "version \(record.version) was withdrawn on \(withdrawal?.date ?? "?"): \(withdrawal?.reason ?? "no reason given")"
        )
    }
}

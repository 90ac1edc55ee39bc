import Foundation

/// One run of `BundleVerifier.verify`: the documents read so far, what can be trusted, and the findings.
///
/// A document is trusted when its signature verifies with a trusted key, or when another trusted document
/// vouches for its exact bytes (then only its `.sig` file is blamed). Problems name the file that was changed
/// as precisely as the signatures allow; checks that would rely on an untrusted document are skipped.
struct VerificationRun {
    let layout: BundleLayout
    var trusted: TrustedKeys
    let now: Date
    var problems: [VerificationProblem] = []
    var notes: [String] = []
    var filesChecked = 0
    /// The version whose files are checked.
    var target: String?

    var versions: VersionsIndex?
    var versionsBytes = Data()
    var latest: LatestPointer?

    init(root: String, bundle: String, trusted: TrustedKeys, now: Date) {
        self.layout = BundleLayout(root: root, bundle: bundle)
        self.trusted = trusted
        self.now = now
    }

    mutating func problem(_ kind: VerificationProblem.Kind, _ path: String, _ message: String) {
        problems.append(VerificationProblem(kind: kind, path: layout.relative(path), message: message))
    }

    mutating func run(version: String?, state: inout VerifierState) {
        do {
            try RequestValidator.validateBundleID(layout.bundle)
        } catch {
            problem(.malformed, layout.bundle, "not a valid bundle id")
            return
        }
        guard DurableFiles.isDirectory(layout.bundleDirectory) else {
            problem(.missingFile, layout.bundleDirectory, "no such bundle")
            return
        }
        let keys = readKeys()
        checkVersionsAndLatest()
        blameKeys(keys)
        checkRollback(state: state)
        checkTarget(version)
        checkDerivedFiles()
        checkBundleFolder()
        if problems.isEmpty { advance(&state) }
    }

    // MARK: keys.json

    /// Reads `keys.json`; when a trusted key signed it, its revocations apply to the rest of the run.
    private mutating func readKeys() -> (bytes: Data, check: SignatureCheck)? {
        guard let bytes = DurableFiles.contents(layout.keysPath) else {
            problem(.missingFile, layout.keysPath, "keys.json not found")
            return nil
        }
        let check = trusted.check(bytes, signature: DurableFiles.contents(layout.keysPath + ".sig"))
        if check.isValid {
            if let document = CanonicalJSON.decode(KeysDocument.self, from: bytes) {
                trusted = trusted.applyingRevocations(of: document)
            } else {
                problem(.malformed, layout.keysPath, "signed, but not a keys document")
            }
        }
        return (bytes, check)
    }

    /// Names the file to blame for a bad `keys.json` signature, now that `versions.json` (which records the hash
    /// of `keys.json`) is known.
    private mutating func blameKeys(_ keys: (bytes: Data, check: SignatureCheck)?) {
        guard let keys else { return }
        let vouched = versions?.keysSHA256 == FileDigest.sha256(keys.bytes)
        if keys.check.isValid {
            if let versions, !vouched {
                notes.append(
                    "keys.json changed after versions.json (sequence \(versions.sequence)) was written: a key rotation or revocation"
                )
            }
        } else if keys.check.blamesSignatureFile || vouched {
            problem(.signature, layout.keysPath + ".sig", keys.check.explanation)
        } else {
            problem(.signature, layout.keysPath, "\(keys.check.explanation): keys.json was changed")
        }
    }

    // MARK: versions.json and latest.json

    private mutating func checkVersionsAndLatest() {
        guard let versionsData = DurableFiles.contents(layout.versionsPath) else {
            problem(.missingFile, layout.versionsPath, "versions.json not found")
            return
        }
        versionsBytes = versionsData
        let versionsCheck = trusted.check(versionsData, signature: DurableFiles.contents(layout.versionsPath + ".sig"))
        let versionsDocument = CanonicalJSON.decode(VersionsIndex.self, from: versionsData).flatMap {
            $0.bundle == layout.bundle ? $0 : nil
        }
        let latestData = DurableFiles.contents(layout.latestPath)
        let latestCheck = latestData.map {
            trusted.check($0, signature: DurableFiles.contents(layout.latestPath + ".sig"))
        }
        let latestDocument = latestData.flatMap { CanonicalJSON.decode(LatestPointer.self, from: $0) }
        let expectedLatest = versionsDocument.flatMap {
            BundlePublisher.expectedLatest($0, versionsBytes: versionsData)
        }
        let latestMatches = latestDocument != nil && latestDocument == expectedLatest

        // versions.json: trusted when signed, or when a validly signed latest.json names its exact bytes.
        if versionsCheck.isValid {
            if versionsDocument == nil {
                problem(.malformed, layout.versionsPath, "signed, but not this bundle's versions document")
            }
            versions = versionsDocument
        } else if versionsCheck.blamesSignatureFile || (latestCheck?.isValid == true && latestMatches) {
            problem(.signature, layout.versionsPath + ".sig", versionsCheck.explanation)
            versions = latestCheck?.isValid == true && latestMatches ? versionsDocument : nil
        } else {
            problem(.signature, layout.versionsPath, "\(versionsCheck.explanation): versions.json was changed")
        }

        // latest.json: trusted when signed, or when it is exactly the pointer the trusted versions.json implies.
        guard latestData != nil, let latestCheck else {
            if versions?.latestPublished != nil {
                problem(.missingFile, layout.latestPath, "latest.json not found")
            } else if versions != nil {
                notes.append("no version is published, so there is no latest.json")
            }
            return
        }
        if latestCheck.isValid {
            guard let latestDocument, latestDocument.bundle == layout.bundle else {
                problem(.malformed, layout.latestPath, "signed, but not this bundle's latest pointer")
                return
            }
            latest = latestDocument
            if let versions { checkLatestAgainstVersions(latestDocument, versions, expected: expectedLatest) }
        } else if versions != nil && latestMatches {
            problem(.signature, layout.latestPath + ".sig", latestCheck.explanation)
            latest = latestDocument
        } else if latestCheck.blamesSignatureFile {
            problem(.signature, layout.latestPath + ".sig", latestCheck.explanation)
        } else {
            problem(.signature, layout.latestPath, "\(latestCheck.explanation): latest.json was changed")
        }
    }

    /// Both documents are signed: they must be from the same publish, or latest.json may lag behind an
    /// interrupted one.
    private mutating func checkLatestAgainstVersions(
        _ latest: LatestPointer, _ versions: VersionsIndex, expected: LatestPointer?
    ) {
        if latest.sequence > versions.sequence {
            problem(
                .rollback, layout.versionsPath,
                "versions.json (sequence \(versions.sequence)) is older than latest.json (sequence \(latest.sequence)): an old versions.json was put back"
            )
        } else if latest.sequence == versions.sequence {
            if latest != expected {
                problem(
                    .inconsistent, layout.latestPath,
                    "does not match versions.json of the same sequence \(versions.sequence) (version, manifest hash or versions.json hash differ)"
                )
            }
        } else {
            guard let parsed = BundleVersion(latest.version), let record = versions.record(parsed),
                record.status == .published, record.manifest.sha256 == latest.manifestSHA256,
                record.manifest.path == latest.manifest
            else {
                problem(
                    .inconsistent, layout.latestPath,
                    "points to \(latest.version), which versions.json does not list as published with that manifest")
                return
            }
            notes.append(
                "latest.json (sequence \(latest.sequence)) lags behind versions.json (sequence \(versions.sequence)): a publish was interrupted before the pointer switch; the next publish finishes it"
            )
        }
    }

    // MARK: rollback

    private mutating func checkRollback(state: VerifierState) {
        guard let versions, let seen = state.bundles[layout.bundle] else { return }
        if versions.sequence < seen.versionsSequence {
            problem(
                .rollback, layout.versionsPath,
                "sequence \(versions.sequence) is older than sequence \(seen.versionsSequence) seen before: an old versions.json was replayed"
            )
        } else if let highest = BundleVersion(seen.highestVersion), versions.record(highest) == nil {
            problem(
                .rollback, layout.versionsPath,
                "does not list \(seen.highestVersion), which was seen before: an old versions.json was replayed")
        }
        if let latest, let pointed = BundleVersion(latest.version), let highest = BundleVersion(seen.highestVersion),
            pointed < highest, versions.record(highest).map({ $0.status == .published }) ?? true
        {
            // Only a withdrawal or removal of the newer version, recorded in versions.json, excuses an older latest.
            problem(
                .rollback, layout.latestPath,
                "points to \(latest.version), older than \(seen.highestVersion) seen before, which was not withdrawn")
        }
    }

    private func advance(_ state: inout VerifierState) {
        guard let versions else { return }
        var entry =
            state.bundles[layout.bundle]
            ?? VerifierState.BundleState(highestVersion: "0", versionsSequence: 0)
        entry.versionsSequence = max(entry.versionsSequence, versions.sequence)
        if let latest, let pointed = BundleVersion(latest.version),
            pointed > (BundleVersion(entry.highestVersion) ?? BundleVersion("0")!)
        {
            entry.highestVersion = latest.version
        }
        state.bundles[layout.bundle] = entry
    }
}

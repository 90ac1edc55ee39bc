public import Foundation

/// Checks a published bundle as a developer who downloaded it would, trusting only the keys it is given.
///
/// It verifies the signatures of `versions.json`, `latest.json` and the manifest (and of `keys.json`), every
/// file's size and SHA-256 against the signed manifest, that no unlisted file is in the version directory, that
/// `latest.json`, `versions.json` and the manifest agree, that the collection, index page and catalog are the
/// ones rendered from the signed documents, and, with the caller's `VerifierState`, that nothing older replaced
/// what was seen before (rollback).
public enum BundleVerifier {
    /// Verifies `bundle` under `root`: `version`, or the one `latest.json` points to.
    ///
    /// When the report has no problem, `state` is advanced to what was verified; otherwise it is left as it was.
    /// - Parameters:
    ///   - trustedKeys: the pinned keys (follow rotations with `TrustedKeys.load(root:pinned:)`).
    ///   - now: the time to judge `expires` against.
    public static func verify(
        root: String, bundle: String, version: String? = nil, trustedKeys: TrustedKeys,
        state: inout VerifierState, now: Date = Date()
    ) -> VerificationReport {
        var run = VerificationRun(root: root, bundle: bundle, trusted: trustedKeys, now: now)
        run.run(version: version, state: &state)
        return VerificationReport(
            bundle: bundle, version: run.target, problems: run.problems, notes: run.notes,
            filesChecked: run.filesChecked)
    }
}

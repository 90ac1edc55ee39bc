public import CityBundleModel

/// Why a publish, withdrawal, retention run or key operation stopped. Nothing visible changes when one is thrown.
public enum PublishError: CityBundleError, Sendable, Equatable {
    /// The request is inconsistent (a bad id, a duplicate layer, an empty field…); the message says what.
    case invalidRequest(String)
    /// A path from the request would escape its folder or is not a plain relative path.
    case unsafePath(String, reason: String)
    /// A file the request names does not exist.
    case missingFile(String)
    /// A system call failed on `path`.
    case io(path: String, operation: String, reason: String)
    /// Another publish holds the root's lock.
    case lockHeld(String)
    /// The version exists with other data; published versions never change.
    case versionExists(bundle: String, version: String, changedFiles: [String])
    /// The version is not newer than the newest one already listed.
    case versionNotIncreasing(bundle: String, version: String, newest: String)
    /// The version was withdrawn or removed, so its number cannot be used again.
    case versionUnavailable(bundle: String, version: String, status: VersionRecord.Status)
    /// The version is not listed in `versions.json`.
    case versionNotFound(bundle: String, version: String)
    /// Layers lost more features than the gate allows.
    case featureLoss(bundle: String, version: String, losses: [FeatureLoss], maxShare: Double)
    /// A private key file can be read by group or others.
    case keyFilePermissions(path: String, mode: UInt32)
    /// A private key file is inside the publish root, where it would be served.
    case keyInsidePublishRoot(path: String, root: String)
    /// A private key file cannot be read as one.
    case invalidKeyFile(path: String, reason: String)
    /// The signing key is not in `keys.json` (rotate to it first).
    case unknownKey(String)
    /// The signing key is revoked in `keys.json`.
    case revokedKey(String)
    /// An existing published document is unreadable or its signature does not verify.
    case corruptMetadata(path: String, reason: String)
    /// The archive could not be made.
    case archiveFailed(String)

    /// The exit status of the shared table.
    public var exitStatus: ExitStatus {
        switch self {
        case .invalidRequest, .unsafePath, .versionExists, .versionNotIncreasing, .versionUnavailable,
            .versionNotFound, .keyFilePermissions, .keyInsidePublishRoot, .invalidKeyFile, .unknownKey, .revokedKey:
            .usage
        case .missingFile, .io, .archiveFailed: .io
        case .lockHeld: .lockHeld
        case .featureLoss: .dataErrors
        case .corruptMetadata: .verificationFailed
        }
    }

    /// What happened and what to do, naming the file, bundle or version.
    public var description: String {
        switch self {
        case .invalidRequest(let message): return "invalid publish request: \(message)"
        case .unsafePath(let path, let reason): return "\(path): unsafe path: \(reason)"
        case .missingFile(let path): return "\(path): file not found"
        case .io(let path, let operation, let reason): return "cannot \(operation) \(path): \(reason)"
        case .lockHeld(let path):
            return "\(path): another publish holds the lock; wait for it to finish"
        case .versionExists(let bundle, let version, let files):
            return
                "\(bundle)/\(version): version already published with different content (\(files.joined(separator: ", ")) differ); published versions never change: publish a new version"
        case .versionNotIncreasing(let bundle, let version, let newest):
            return "\(bundle)/\(version): not newer than \(newest), the newest version listed; use a higher version"
        case .versionUnavailable(let bundle, let version, let status):
            return "\(bundle)/\(version): version was \(status.rawValue); its number cannot be used again"
        case .versionNotFound(let bundle, let version):
            return "\(bundle)/\(version): no such version in versions.json"
        case .featureLoss(let bundle, let version, let losses, let maxShare):
            let list = losses.map(\.description).joined(separator: "; ")
            return
                "\(bundle)/\(version): refused by the publish gate: \(list) (at most \(maxShare * 100) % allowed); check the input or publish with force"
        case .keyFilePermissions(let path, let mode):
            return
                "\(path): private key file is readable by group or others (mode \(String(mode & 0o777, radix: 8))); run chmod 600 on it"
        case .keyInsidePublishRoot(let path, let root):
            return "\(path): private key file is inside the publish root \(root), where it would be served; move it"
        case .invalidKeyFile(let path, let reason): return "\(path): not a private key file: \(reason)"
        case .unknownKey(let id):
            return "signing key '\(id)' is not in keys.json; rotate to it with KeyRing.rotate(old:new:) first"
        case .revokedKey(let id): return "signing key '\(id)' is revoked in keys.json"
        case .corruptMetadata(let path, let reason): return "\(path): \(reason)"
        case .archiveFailed(let reason): return "cannot make the archive: \(reason)"
        }
    }
}

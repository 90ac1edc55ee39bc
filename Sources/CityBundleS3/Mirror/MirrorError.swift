public import CityBundleModel

/// Why ``S3TreeMirror`` refused to mirror a publish root. When one is thrown before any upload, nothing at the
/// destination changed.
public enum MirrorError: CityBundleError, Sendable, Equatable {
    /// A version that exists at the destination differs from the local one.
    public struct VersionConflict: Sendable, Hashable, CustomStringConvertible {
        /// Why the two differ.
        public enum Reason: String, Sendable, Hashable {
            /// The remote `manifest.json` has other bytes than the local one.
            case manifestDiffers = "its manifest.json at the destination has different content"
            /// The destination holds a `WITHDRAWN.json` for a version published locally.
            case withdrawnAtDestination = "it is withdrawn at the destination"
        }

        /// The bundle id.
        public var bundle: String
        /// The version.
        public var version: String
        /// Why.
        public var reason: Reason

        /// A conflict from its parts.
        public init(bundle: String, version: String, reason: Reason) {
            self.bundle = bundle
            self.version = version
            self.reason = reason
        }

        /// `bundle@version: reason`.
        public var description: String { "\(bundle)@\(version): \(reason.rawValue)" }
    }

    /// `path` is not a publish root (no `catalog.json`, not a directory…).
    case notAPublishRoot(path: String, reason: String)
    /// A version folder has neither `manifest.json` nor `WITHDRAWN.json`.
    case incompleteVersion(bundle: String, version: String, path: String)
    /// Published versions never change: these differ at the destination. Nothing was uploaded.
    case versionConflicts(destination: String, conflicts: [VersionConflict])
    /// A publish into the root holds its lock.
    case lockHeld(path: String)
    /// A local file or folder could not be read.
    case io(path: String, reason: String)
    /// After mirroring, the destination does not hold exactly the local files (each problem names the key).
    case verificationFailed(destination: String, problems: [String])

    /// 2 for conflicts, 4 for the lock, 5 for a failed check after mirroring, 3 otherwise.
    public var exitStatus: ExitStatus {
        switch self {
        case .versionConflicts, .notAPublishRoot: .usage
        case .lockHeld: .lockHeld
        case .incompleteVersion, .io: .io
        case .verificationFailed: .verificationFailed
        }
    }

    /// What is wrong and what to do.
    public var description: String {
        switch self {
        case .notAPublishRoot(let path, let reason):
            return "\(path) is not a publish root (\(reason)); give the folder the publisher writes to"
        case .incompleteVersion(let bundle, let version, let path):
            return
                "\(bundle)@\(version): \(path) has neither manifest.json nor WITHDRAWN.json, so a publish, withdrawal or prune was interrupted; run the publisher again (it recovers the root), then mirror"
        case .versionConflicts(let destination, let conflicts):
            let list = conflicts.map(\.description).joined(separator: "; ")
            return
                "refusing to mirror to \(destination), nothing was uploaded: \(list); published versions never change: publish the changed data under a new version (or mirror to another prefix)"
        case .lockHeld(let path):
            return "\(path): a publish is running into this root; mirror when it has finished"
        case .io(let path, let reason):
            return "cannot read \(path): \(reason)"
        case .verificationFailed(let destination, let problems):
            let shown = problems.prefix(20).joined(separator: "; ")
            let more = problems.count > 20 ? " (and \(problems.count - 20) more)" : ""
            return
                "\(destination) does not match the local publish root after mirroring: \(shown)\(more); run the mirror again, and check that nothing else writes under this prefix"
        }
    }
}

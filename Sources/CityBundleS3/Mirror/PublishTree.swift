import CityBundlePublish
import Foundation

/// The files of a local publish root, sorted into root files, bundle files and version folders.
///
/// Dot-files and dot-folders (`.staging-*`, locks) and anything that is not a regular file or folder
/// (symlinks included) are left out and listed in ``ignored``.
public struct PublishTree: Sendable {
    /// One regular file, by its path relative to the root (`wuhan/2026.11.25/manifest.json`).
    public struct File: Sendable, Hashable {
        /// The path relative to the root, `/`-separated.
        public var relativePath: String
        /// The size in bytes.
        public var size: Int64
    }

    /// A version folder: complete (it holds `manifest.json`) or withdrawn (it holds `WITHDRAWN.json`).
    public struct Version: Sendable {
        /// Whether the version is published or withdrawn.
        public enum State: Sendable, Hashable {
            /// Data files, `manifest.json.sig` and `manifest.json`.
            case published
            /// Only `WITHDRAWN.json` (and its signature) count; the rest of the folder is left out.
            case withdrawn
        }

        /// The bundle id.
        public var bundle: String
        /// The version as its folder is named.
        public var version: String
        /// Published or withdrawn.
        public var state: State
        /// Published: every file but the manifest and its signature, sorted. Withdrawn: empty.
        public var dataFiles: [File]
        /// `manifest.json.sig` or `WITHDRAWN.json.sig`, when present.
        public var signature: File?
        /// `manifest.json` or `WITHDRAWN.json`: the file whose presence marks the state.
        public var marker: File

        /// `bundle@version`.
        public var name: String { "\(bundle)@\(version)" }
    }

    /// A bundle folder.
    public struct Bundle: Sendable {
        /// The bundle id (the folder name).
        public var name: String
        /// Version folders, oldest version first.
        public var versions: [Version]
        /// Every other file in the bundle folder (pointers, catalog pages), sorted.
        public var files: [File]
    }

    /// The manifest file name.
    public static let manifestFile = "manifest.json"
    /// The tombstone file name.
    public static let tombstoneFile = "WITHDRAWN.json"

    /// The root folder (absolute, standardized).
    public let root: String
    /// The files directly in the root, sorted.
    public var rootFiles: [File]
    /// The bundle folders, sorted by name.
    public var bundles: [Bundle]
    /// Paths (relative to the root) left out: dot-entries, symlinks and other non-regular files.
    public var ignored: [String]

    /// Every file that belongs at the destination.
    public var allFiles: [File] {
        rootFiles
            + bundles.flatMap { bundle in
                bundle.files + bundle.versions.flatMap { $0.dataFiles + [$0.signature, $0.marker].compactMap { $0 } }
            }
    }

    /// The absolute path of `file`.
    public func path(_ file: File) -> String { "\(root)/\(file.relativePath)" }

    /// Scans the publish root at `root`.
    /// - Throws: ``MirrorError/notAPublishRoot(path:reason:)`` when `root` has no `catalog.json`,
    ///   ``MirrorError/incompleteVersion(bundle:version:path:)``, ``MirrorError/io(path:reason:)``.
    public init(scanning root: String) throws(MirrorError) {
        let root = URL(fileURLWithPath: root).standardizedFileURL.path
        self.root = root
        var scanner = DirectoryScanner(root: root)
        guard scanner.kind(of: "") == .directory else {
            throw .notAPublishRoot(path: root, reason: "not a folder")
        }
        guard scanner.kind(of: "catalog.json") == .file else {
            throw .notAPublishRoot(path: root, reason: "no catalog.json")
        }
        var rootFiles: [File] = []
        var bundles: [Bundle] = []
        for name in try scanner.entries(of: "") {
            switch scanner.kind(of: name) {
            case .file: rootFiles.append(try scanner.file(name))
            case .directory: bundles.append(try Self.bundle(name, scanner: &scanner))
            case .other: scanner.ignored.append(name)
            }
        }
        self.rootFiles = rootFiles
        self.bundles = bundles
        self.ignored = scanner.ignored
    }

    private static func bundle(_ name: String, scanner: inout DirectoryScanner) throws(MirrorError) -> Bundle {
        var versions: [Version] = []
        var files: [File] = []
        for entry in try scanner.entries(of: name) {
            let path = "\(name)/\(entry)"
            switch scanner.kind(of: path) {
            case .file: files.append(try scanner.file(path))
            case .directory where BundleVersion(entry) != nil:
                versions.append(try version(bundle: name, version: entry, scanner: &scanner))
            case .directory: files += try scanner.filesBelow(path)
            case .other: scanner.ignored.append(path)
            }
        }
        versions.sort { BundleVersion($0.version)! < BundleVersion($1.version)! }
        return Bundle(name: name, versions: versions, files: files)
    }

    private static func version(bundle: String, version: String, scanner: inout DirectoryScanner)
        throws(MirrorError) -> Version
    {
        let folder = "\(bundle)/\(version)"
        let files = try scanner.filesBelow(folder)
        func named(_ name: String) -> File? { files.first { $0.relativePath == "\(folder)/\(name)" } }
        if let tombstone = named(tombstoneFile) {
            return Version(
                bundle: bundle, version: version, state: .withdrawn, dataFiles: [],
                signature: named(tombstoneFile + ".sig"), marker: tombstone)
        }
        guard let manifest = named(manifestFile) else {
            throw .incompleteVersion(bundle: bundle, version: version, path: "\(scanner.root)/\(folder)")
        }
        let signature = named(manifestFile + ".sig")
        let data = files.filter { $0 != manifest && $0 != signature }
        return Version(
            bundle: bundle, version: version, state: .published, dataFiles: data, signature: signature,
            marker: manifest)
    }
}

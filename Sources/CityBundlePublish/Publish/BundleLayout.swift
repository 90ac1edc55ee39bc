import Foundation

/// Where everything of one bundle lives under the publish root.
struct BundleLayout {
    /// The publish root (absolute, standardized).
    let root: String
    /// The bundle id.
    let bundle: String

    init(root: String, bundle: String) {
        self.root = URL(fileURLWithPath: root).standardizedFileURL.path
        self.bundle = bundle
    }

    static let manifestFile = "manifest.json"
    static let tombstoneFile = "WITHDRAWN.json"
    static let stagingPrefix = ".staging-"

    var catalogPath: String { "\(root)/catalog.json" }
    var keysPath: String { "\(root)/\(KeyRing.keysFile)" }
    var bundleDirectory: String { "\(root)/\(bundle)" }
    var versionsPath: String { "\(bundleDirectory)/versions.json" }
    var latestPath: String { "\(bundleDirectory)/latest.json" }
    var collectionPath: String { "\(bundleDirectory)/collection.json" }
    var indexPath: String { "\(bundleDirectory)/index.html" }

    func versionDirectory(_ version: String) -> String { "\(bundleDirectory)/\(version)" }
    func manifestPath(_ version: String) -> String { "\(versionDirectory(version))/\(Self.manifestFile)" }
    func tombstonePath(_ version: String) -> String { "\(versionDirectory(version))/\(Self.tombstoneFile)" }
    func archiveName(_ version: String) -> String { "\(bundle)-\(version).tar.gz" }

    /// A path inside the bundle folder, from one relative to it (`2026.11.25/manifest.json`).
    func inBundle(_ relative: String) -> String { "\(bundleDirectory)/\(relative)" }

    /// `path` relative to the root, for messages and reports (`wuhan/2026.11.25/manifest.json`).
    func relative(_ path: String) -> String {
        path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }

    /// The names of the bundle folders under the root (those holding a `versions.json`).
    func bundlesInRoot() -> [String] {
        DurableFiles.list(root).filter {
            !$0.hasPrefix(".") && DurableFiles.isDirectory("\(root)/\($0)")
                && DurableFiles.exists("\(root)/\($0)/versions.json")
        }
    }

    /// The names in the bundle folder that are version directories (parse as versions).
    func versionDirectoriesOnDisk() -> [String] {
        DurableFiles.list(bundleDirectory).filter {
            BundleVersion($0) != nil && DurableFiles.isDirectory("\(bundleDirectory)/\($0)")
        }
    }
}

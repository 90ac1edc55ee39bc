public import CityBundlePublish
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Read access to a published tree: its bundles, signed documents and files, never outside its root.
///
/// Documents are read from disk and cached by path, modification time, size and inode, so a publish that
/// replaces `versions.json` or `latest.json` (by rename) is seen by the next request.
public final class PublishedTree: Sendable {
    /// The root, with symlinks resolved.
    public let root: String
    private let cache = StampedCache()

    /// The tree at `root`.
    /// - Throws: `ServerError` when `root` is not a readable directory.
    public init(root: String) throws {
        guard let real = realpath(root, nil) else {
            throw ServerError(
                path: root, message: "cannot open the published tree: \(String(cString: strerror(errno)))")
        }
        defer { free(real) }
        let resolved = String(cString: real)
        guard FileStamp(path: resolved)?.isDirectory == true else {
            throw ServerError(path: root, message: "not a directory")
        }
        self.root = resolved
    }

    /// The ids of the bundles: folders under the root holding a `versions.json`, sorted.
    public func bundleIDs() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return names.filter { name in
            RequestPath.isSafe(name) && FileStamp(path: "\(root)/\(name)/versions.json")?.isRegularFile == true
        }.sorted()
    }

    /// The bundle's `versions.json`, or nil when the bundle does not exist or the file does not parse.
    public func versions(_ bundle: String) -> VersionsIndex? {
        guard RequestPath.isSafe(bundle) else { return nil }
        return document("\(root)/\(bundle)/versions.json", as: VersionsIndex.self)
    }

    /// The bundle's `latest.json`.
    public func latest(_ bundle: String) -> LatestPointer? {
        guard RequestPath.isSafe(bundle) else { return nil }
        return document("\(root)/\(bundle)/latest.json", as: LatestPointer.self)
    }

    /// The manifest of `bundle`/`version`.
    public func manifest(_ bundle: String, _ version: String) -> Manifest? {
        guard RequestPath.isSafe(bundle), RequestPath.isSafe(version) else { return nil }
        return document("\(root)/\(bundle)/\(version)/manifest.json", as: Manifest.self)
    }

    /// A JSON document at `relative` (slash-separated, each component safe), or nil.
    func json(_ relative: String) -> JSONValue? {
        let parts = relative.split(separator: "/").map(String.init)
        guard !parts.isEmpty, parts.allSatisfy(RequestPath.isSafe) else { return nil }
        return document("\(root)/\(relative)", as: JSONValue.self)
    }

    /// The newest published version of `bundle`: the one `latest.json` names when it is listed as published,
    /// else the newest published one in `versions.json`.
    func latestRecord(_ bundle: String) -> VersionRecord? {
        guard let index = versions(bundle) else { return nil }
        if let pointer = latest(bundle), let version = BundleVersion(pointer.version),
            let record = index.record(version), record.status == .published
        {
            return record
        }
        return index.latestPublished
    }

    /// The SHA-256 of the file at the real path `path` with `stamp`: the signed manifest's when the file is a
    /// listed file of a version with the listed size, else computed (and cached until the file changes).
    func sha256(ofFileAt path: String, stamp: FileStamp) throws -> String {
        if let listed = manifestEntry(forRealPath: path), listed.size == stamp.size { return listed.sha256 }
        if let cached = cache.value(path, stamp: stamp, as: String.self) { return cached }
        let digest: String
        do {
            digest = try FileDigest.of(file: path).sha256
        } catch {
            throw ServerError(path: path, message: error.description)
        }
        cache.store(path, stamp: stamp, value: digest)
        return digest
    }

    /// The manifest entry describing the file at a real path `<root>/<bundle>/<version>/<path>`, if any.
    func manifestEntry(forRealPath path: String) -> ManifestEntry? {
        guard path.hasPrefix(root + "/") else { return nil }
        let parts = path.dropFirst(root.count + 1).split(separator: "/").map(String.init)
        guard parts.count >= 3, BundleVersion(parts[1]) != nil else { return nil }
        let relative = parts[2...].joined(separator: "/")
        return manifest(parts[0], parts[1])?.files.first { $0.path == relative }
    }

    private func document<T: Decodable & Sendable>(_ path: String, as type: T.Type) -> T? {
        guard let stamp = FileStamp(path: path), stamp.isRegularFile, stamp.size < 64 << 20 else { return nil }
        if let cached = cache.value(path, stamp: stamp, as: T.self) { return cached }
        guard let data = FileManager.default.contents(atPath: path),
            let value = CanonicalJSON.decode(T.self, from: data)
        else { return nil }
        cache.store(path, stamp: stamp, value: value)
        return value
    }
}

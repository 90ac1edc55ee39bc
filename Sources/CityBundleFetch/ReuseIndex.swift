import CityBundlePublish
import Foundation

/// Files of versions already on disk, by SHA-256 and by path, to reuse unchanged files.
struct ReuseIndex {
    private var bySHA256: [String: [String]] = [:]
    private var folders: [String] = []

    /// The local versions of `bundle` under `destination`, newest first, except `excluding`.
    init(destination: String, bundle: String, excluding: String) {
        let base = "\(destination)/\(bundle)"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []
        let versions = names.compactMap { name in BundleVersion(name).map { (name, $0) } }
            .filter { $0.0 != excluding && LocalFiles.isDirectory("\(base)/\($0.0)") }
            .sorted { $0.1 > $1.1 }
        for (name, _) in versions {
            let folder = "\(base)/\(name)"
            folders.append(folder)
            guard let data = FileManager.default.contents(atPath: "\(folder)/manifest.json"),
                let manifest = CanonicalJSON.decode(Manifest.self, from: data)
            else { continue }
            for entry in manifest.files where BundleFetcher.isSafePath(entry.path) {
                bySHA256[entry.sha256, default: []].append("\(folder)/\(entry.path)")
            }
        }
    }

    /// A local file with exactly the entry's size and SHA-256 (checked now, not trusted from the old manifest).
    func candidate(for entry: ManifestEntry) -> String? {
        let samePath = folders.map { "\($0)/\(entry.path)" }
        for path in (bySHA256[entry.sha256] ?? []) + samePath
        where LocalFiles.matches(path, size: entry.size, sha256: entry.sha256) {
            return path
        }
        return nil
    }
}

import Foundation

/// The unsigned files rendered from signed ones: `collection.json` and `index.html` of a bundle (from its
/// `versions.json` and newest manifest) and the root `catalog.json` (from the bundles' `versions.json`).
/// Rendering is deterministic, so the verifier renders them again and compares bytes.
enum DerivedFiles {
    /// `<bundle>/collection.json`.
    static func collection(_ index: VersionsIndex) throws -> Data {
        try CanonicalJSON.encode(STACDocuments.collection(index))
    }

    /// `<bundle>/index.html`.
    static func indexPage(_ index: VersionsIndex, latestManifest: Manifest?) -> Data {
        IndexPage.render(index, latestManifest: latestManifest)
    }

    /// `catalog.json` for the bundles under `root`, taking `current` for its own bundle instead of the file.
    static func catalog(root: String, current: VersionsIndex?) throws -> Data {
        var bundles: [String: String] = [:]
        let layout = BundleLayout(root: root, bundle: "")
        for bundle in layout.bundlesInRoot() {
            let path = "\(root)/\(bundle)/versions.json"
            guard let data = DurableFiles.contents(path),
                let index = CanonicalJSON.decode(VersionsIndex.self, from: data)
            else { continue }
            bundles[bundle] = title(index)
        }
        if let current { bundles[current.bundle] = title(current) }
        return try CanonicalJSON.encode(STACDocuments.catalog(bundles: bundles.map { (id: $0.key, title: $0.value) }))
    }

    private static func title(_ index: VersionsIndex) -> String {
        (index.latestPublished ?? index.versions.last)?.title ?? index.bundle
    }
}

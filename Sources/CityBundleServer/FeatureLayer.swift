import CityBundlePublish
import Foundation

/// A layer of a bundle's latest version, as an OGC API - Features collection `<bundle>.<layer>`.
struct FeatureLayer: Sendable {
    /// The bundle id.
    let bundle: String
    /// The bundle's title.
    let bundleTitle: String
    /// The version the features come from.
    let version: String
    /// The layer as `versions.json` lists it.
    let summary: LayerSummary
    /// The real path of the file the features are read from: the layer's FlatGeobuf (spatial index) when
    /// there is one, else its GeoJSON.
    let dataPath: String
    /// Downloads of the layer's files: server path and media type.
    let downloads: [(path: String, mediaType: String)]

    /// The collection id.
    var id: String { "\(bundle).\(summary.id)" }

    /// Splits a collection id at its last dot (layer ids have none; bundle ids may).
    static func split(_ collectionID: String) -> (bundle: String, layer: String)? {
        guard let dot = collectionID.lastIndex(of: ".") else { return nil }
        let bundle = String(collectionID[..<dot])
        let layer = String(collectionID[collectionID.index(after: dot)...])
        return bundle.isEmpty || layer.isEmpty ? nil : (bundle, layer)
    }
}

extension PublishedTree {
    /// Every layer of every bundle's latest version.
    func featureLayers() -> [FeatureLayer] {
        bundleIDs().flatMap { bundle in
            latestItems(bundle).compactMap { featureLayer(item: $0) }
        }
    }

    /// The layer of collection `collectionID`, or nil.
    func featureLayer(_ collectionID: String) -> FeatureLayer? {
        guard let (bundle, layer) = FeatureLayer.split(collectionID) else { return nil }
        return latestItems(bundle).first { $0.layer.id == layer }.flatMap { featureLayer(item: $0) }
    }

    /// The layer an item describes, found through its assets: a FlatGeobuf asset, else a `.fgb` beside the
    /// GeoJSON asset, else the GeoJSON.
    private func featureLayer(item: PublishedItem) -> FeatureLayer? {
        guard let record = latestRecord(item.bundle) else { return nil }
        var downloads: [(path: String, mediaType: String)] = []
        if case .object(let assets)? = item.object["assets"] {
            for key in assets.keys.sorted() {
                guard case .object(let asset)? = assets[key], case .string(let href)? = asset["href"],
                    let path = Self.serverPath(href, relativeTo: item.directory)
                else { continue }
                var mediaType = MediaTypes.forPath(path)
                if case .string(let declared)? = asset["type"] { mediaType = declared }
                downloads.append((path, mediaType))
            }
        }
        let geoJSON = downloads.first { $0.mediaType.hasPrefix("application/geo+json") }
        var candidates = downloads.filter { $0.mediaType == "application/flatgeobuf" }.map(\.path)
        if let geoJSON, geoJSON.path.hasSuffix(".geojson") {
            let sibling = String(geoJSON.path.dropLast(".geojson".count)) + ".fgb"
            candidates.append(sibling)
            if !downloads.contains(where: { $0.path == sibling }), realFile(sibling) != nil {
                downloads.append((sibling, "application/flatgeobuf"))
            }
        }
        if let geoJSON { candidates.append(geoJSON.path) }
        guard let data = candidates.lazy.compactMap({ self.realFile($0) }).first else { return nil }
        return FeatureLayer(
            bundle: item.bundle, bundleTitle: record.title, version: record.version, summary: item.layer,
            dataPath: data, downloads: downloads)
    }

    /// The real path of a server path when it is a servable file.
    func realFile(_ serverPath: String) -> String? {
        guard let path = RequestPath(decoded: serverPath), case .file(let real, _) = resolve(path) else { return nil }
        return real
    }

    /// `href` relative to the server folder `directory`, as a decoded server path.
    static func serverPath(_ href: String, relativeTo directory: String) -> String? {
        guard !href.contains("://"), let base = URL(string: "http://localhost" + directory),
            let url = URL(string: href, relativeTo: base)
        else { return nil }
        let path = url.absoluteURL.standardized.path
        return path.hasPrefix("/") ? path : nil
    }
}

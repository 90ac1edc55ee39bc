import CityBundleModel
import Foundation

/// The STAC 1.0.0 documents of a publish root: the root Catalog, one Collection per bundle and one Item per layer
/// and version. Links are relative, so a copied tree stays valid; assets carry `file:size` and `file:checksum`.
public enum STACDocuments {
    /// The STAC version written.
    public static let stacVersion = "1.0.0"
    /// The File Info extension schema the assets use.
    public static let fileExtension = "https://stac-extensions.github.io/file/v2.1.0/schema.json"
    /// The root catalog's id.
    public static let catalogID = "citybundle"

    /// The Item of `layer` in `version`: bbox polygon geometry, the build time as `datetime`, one asset per file.
    /// `files` are the layer's manifest entries; the Item lives at `<version>/items/<layer>.json`.
    public static func item(
        bundle: String, version: String, created: String, layer: LayerInfo, files: [ManifestEntry]
    ) -> JSONValue {
        let box = layer.bbox
        let ring: JSONValue = .array(
            [
                [box.minX, box.minY], [box.maxX, box.minY], [box.maxX, box.maxY], [box.minX, box.maxY],
                [box.minX, box.minY],
            ]
            .map { .array($0.map(JSONValue.double)) })
        var assets: [String: JSONValue] = [:]
        for (index, file) in files.enumerated() {
            let key = files.count == 1 ? "data" : assetKey(file.path, index: index)
            assets[key] = asset(
                href: "../\(file.path)", type: file.mediaType, title: "\(layer.title) (\(file.path))", roles: ["data"],
                size: file.size, sha256: file.sha256)
        }
        return [
            "type": "Feature",
            "stac_version": .string(stacVersion),
            "stac_extensions": [.string(fileExtension)],
            "id": .string("\(layer.id)-\(version)"),
            "collection": .string(bundle),
            "geometry": ["type": "Polygon", "coordinates": [ring]],
            "bbox": .array(box.asArray.map(JSONValue.double)),
            "properties": [
                "datetime": .string(created),
                "title": .string(layer.title),
                "description": .string(layer.source),
                "license": .string(layer.license),
                "citybundle:kind": .string(layer.kind.rawValue),
                "citybundle:feature_count": .int(Int64(layer.featureCount)),
                "citybundle:attribution": .string(layer.attribution),
                "citybundle:version": .string(version),
                "citybundle:fields": .array(
                    layer.fields.map { ["name": .string($0.name), "type": .string($0.type.rawValue)] }),
            ],
            "links": [
                link("root", "../../../catalog.json"),
                link("parent", "../../collection.json"),
                link("collection", "../../collection.json"),
            ],
            "assets": .object(assets),
        ]
    }

    /// The Collection of a bundle (`<bundle>/collection.json`), describing its newest published version: extent,
    /// licence, providers, item links and the archive and manifest as assets.
    public static func collection(_ index: VersionsIndex) -> JSONValue {
        let current = index.latestPublished ?? index.versions.last
        var boxes: [JSONValue] = []
        var links: [JSONValue] = [link("root", "../catalog.json"), link("parent", "../catalog.json")]
        var assets: [String: JSONValue] = [:]
        if let current, current.status == .published {
            let union = current.layers.map(\.bbox).filter { $0.count == 4 }.reduce(nil) { (box: [Double]?, next) in
                guard let box else { return next }
                return [min(box[0], next[0]), min(box[1], next[1]), max(box[2], next[2]), max(box[3], next[3])]
            }
            if let union { boxes.append(.array(union.map(JSONValue.double))) }
            if current.layers.count > 1 {
                boxes += current.layers.map { .array($0.bbox.map(JSONValue.double)) }
            }
            for layer in current.layers { links.append(link("item", "./\(layer.item)", title: layer.title)) }
            assets["archive"] = asset(
                href: "./\(current.archive.path)", type: "application/gzip",
                title: "All data files of \(current.version) (reproducible tar.gz)", roles: ["data", "archive"],
                size: current.archive.size, sha256: current.archive.sha256)
            assets["manifest"] = asset(
                href: "./\(current.manifest.path)", type: "application/json",
                title: "Signed manifest of \(current.version)", roles: ["metadata"], size: current.manifest.size,
                sha256: current.manifest.sha256)
        }
        if boxes.isEmpty { boxes = [[-180.0, -90.0, 180.0, 90.0]] }
        links.append(link("alternate", "./index.html", title: "Versions and downloads", type: "text/html"))
        let firstPublished = index.versions.first { $0.status == .published }?.created
        var collection: [String: JSONValue] = [
            "type": "Collection",
            "stac_version": .string(stacVersion),
            "stac_extensions": [.string(fileExtension)],
            "id": .string(index.bundle),
            "title": .string(current?.title ?? index.bundle),
            "description": .string(current?.description ?? index.bundle),
            "license": .string(current?.license ?? "other"),
            "extent": [
                "spatial": ["bbox": .array(boxes)],
                "temporal": ["interval": [[firstPublished.map(JSONValue.string) ?? .null, .null]]],
            ],
            "links": .array(links),
            "assets": .object(assets),
        ]
        if let current {
            collection["providers"] = [
                [
                    "name": .string(current.owner),
                    "description": .string("Rights holder. Contact: \(current.contact)"),
                    "roles": ["licensor", "producer", "host"],
                ]
            ]
            collection["citybundle:version"] = .string(current.version)
        }
        return .object(collection)
    }

    /// The root Catalog (`catalog.json`) linking each bundle's Collection; `bundles` are (id, title) pairs.
    public static func catalog(bundles: [(id: String, title: String)]) -> JSONValue {
        var links: [JSONValue] = [link("root", "./catalog.json")]
        for bundle in bundles.sorted(by: { $0.id < $1.id }) {
            links.append(link("child", "./\(bundle.id)/collection.json", title: bundle.title))
        }
        return [
            "type": "Catalog",
            "stac_version": .string(stacVersion),
            "id": .string(catalogID),
            "title": "CityBundle open data",
            "description":
                "City open-data bundles: every version signed (keys.json), with checksums, licences and provenance.",
            "links": .array(links),
        ]
    }

    private static func link(_ rel: String, _ href: String, title: String? = nil, type: String = "application/json")
        -> JSONValue
    {
        var value: [String: JSONValue] = ["rel": .string(rel), "href": .string(href), "type": .string(type)]
        if let title { value["title"] = .string(title) }
        return .object(value)
    }

    private static func asset(
        href: String, type: String, title: String, roles: [String], size: Int64, sha256: String
    ) -> JSONValue {
        [
            "href": .string(href),
            "type": .string(type),
            "title": .string(title),
            "roles": .array(roles.map(JSONValue.string)),
            "file:size": .int(size),
            "file:checksum": .string(FileDigest.multihash(sha256: sha256)),
        ]
    }

    private static func assetKey(_ path: String, index: Int) -> String {
        let key = path.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }
        return key.isEmpty ? "file\(index)" : String(key)
    }
}

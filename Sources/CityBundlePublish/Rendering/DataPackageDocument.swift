import CityBundleModel

/// The Frictionless Data Package of a version (`<version>/datapackage.json`): one resource per data file with
/// `path`, `bytes`, `hash` (`sha256:…`), `mediatype`, `format`, `licenses` and `sources`, and a table `schema`
/// for tabular files only (GeoJSON and GLB resources carry none, so `frictionless validate` reads them as files).
public enum DataPackageDocument {
    /// The package for `layers`, whose files are described by `files` (the manifest's data entries).
    public static func render(
        bundle: String, title: String, description: String, version: String, created: String, rights: RightsInfo,
        layers: [LayerInfo], files: [ManifestEntry]
    ) -> JSONValue {
        let byPath = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        var resources: [JSONValue] = []
        var usedNames = Set<String>()
        for layer in layers {
            let extensions = layer.files.map { MediaType.fileExtension($0.path) }
            let extensionsAreUnique = Set(extensions).count == extensions.count
            for file in layer.files {
                guard let entry = byPath[file.path] else { continue }
                let suffix = extensionsAreUnique ? MediaType.fileExtension(file.path) : file.path
                var name = layer.files.count == 1 ? layer.id : "\(layer.id)-\(resourceName(suffix))"
                while usedNames.contains(name) { name += "-1" }
                usedNames.insert(name)
                var resource: [String: JSONValue] = [
                    "name": .string(name),
                    "title": .string(layer.files.count == 1 ? layer.title : "\(layer.title) (\(file.path))"),
                    "description": .string(layer.source),
                    "path": .string(entry.path),
                    "format": .string(MediaType.fileExtension(entry.path)),
                    "mediatype": .string(entry.mediaType),
                    "bytes": .int(entry.size),
                    "hash": .string("sha256:\(entry.sha256)"),
                    "licenses": [license(layer.license)],
                    "sources": [["title": .string(layer.source)]],
                    "citybundle:attribution": .string(layer.attribution),
                    "citybundle:kind": .string(layer.kind.rawValue),
                    "citybundle:layer": .string(layer.id),
                ]
                if MediaType.isTabular(entry.path, mediaType: entry.mediaType), !layer.fields.isEmpty {
                    resource["profile"] = "tabular-data-resource"
                    resource["schema"] = [
                        "fields": .array(
                            layer.fields.map { ["name": .string($0.name), "type": .string($0.type.rawValue)] })
                    ]
                }
                resources.append(.object(resource))
            }
        }
        var sources: [JSONValue] = []
        for source in layers.map(\.source) where !sources.contains(["title": .string(source)]) {
            sources.append(["title": .string(source)])
        }
        var contributor: [String: JSONValue] = ["title": .string(rights.owner), "role": "publisher"]
        if rights.contact.contains("@") && !rights.contact.contains("://") {
            contributor["email"] = .string(rights.contact)
        } else if rights.contact.hasPrefix("http://") || rights.contact.hasPrefix("https://") {
            contributor["path"] = .string(rights.contact)
        }
        return [
            "name": .string(bundle),
            "title": .string(title),
            "description": .string(description),
            "version": .string(version),
            "created": .string(created),
            "licenses": [license(rights.license)],
            "contributors": [.object(contributor)],
            "sources": .array(sources),
            "resources": .array(resources),
        ]
    }

    /// A Frictionless licence object for an SPDX id.
    static func license(_ spdx: String) -> JSONValue {
        ["name": .string(spdx), "path": .string(LicenceTerms.url(spdx: spdx)), "title": .string(spdx)]
    }

    private static func resourceName(_ path: String) -> String {
        String(path.lowercased().map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
    }
}

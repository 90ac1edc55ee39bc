import CityBundlePublish

extension CatalogPage {
    /// The catalog as JSON: per bundle its licence, rights, versions and the latest version's files, with
    /// absolute download links.
    static func json(_ entries: [Entry], links: LinkBuilder) -> JSONValue {
        .object([
            "title": "CityBundle open data",
            "keys": .string(links.url("/keys.json")),
            "stac": .string(links.url("/stac")),
            "features": .string(links.url("/features")),
            "bundles": .array(entries.map { bundle($0, links: links) }),
        ])
    }

    private static func bundle(_ entry: Entry, links: LinkBuilder) -> JSONValue {
        var object: [String: JSONValue] = [
            "id": .string(entry.id),
            "page": .string(links.url("/\(entry.id)/")),
            "versions": .array(
                entry.versions.versions.reversed().map { record in
                    var version: [String: JSONValue] = [
                        "version": .string(record.version), "status": .string(record.status.rawValue),
                        "created": .string(record.created), "summary": .string(record.summary),
                        "dataBytes": .int(record.dataBytes),
                    ]
                    if record.status == .published {
                        version["archive"] = file(record.archive, entry.id, links)
                        version["manifest"] = file(record.manifest, entry.id, links)
                    }
                    if let withdrawal = record.withdrawal { version["withdrawn"] = .string(withdrawal.reason) }
                    return .object(version)
                }),
        ]
        if let latest = entry.latest {
            object["title"] = .string(latest.title)
            object["description"] = .string(latest.description)
            object["license"] = .string(latest.license)
            object["licenseURL"] = .string(LicenceTerms.url(spdx: latest.license))
            object["owner"] = .string(latest.owner)
            object["contact"] = .string(latest.contact)
            object["latestVersion"] = .string(latest.version)
            object["rights"] = .string(links.url("/\(entry.id)/\(latest.version)/rights.json"))
        }
        if let manifest = entry.manifest {
            object["files"] = .array(
                manifest.files.map {
                    .object([
                        "path": .string($0.path), "mediaType": .string($0.mediaType), "size": .int($0.size),
                        "sha256": .string($0.sha256), "role": .string($0.role.rawValue),
                        "href": .string(links.url("/\(entry.id)/\(manifest.version)/\($0.path)")),
                    ])
                })
        }
        return .object(object)
    }

    private static func file(_ reference: FileReference, _ bundle: String, _ links: LinkBuilder) -> JSONValue {
        .object([
            "href": .string(links.url("/\(bundle)/\(reference.path)")), "size": .int(reference.size),
            "sha256": .string(reference.sha256),
        ])
    }
}

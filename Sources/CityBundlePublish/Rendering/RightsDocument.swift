/// The rights confirmation of a version (`<version>/rights.json`, 确权): owner, contact and usage terms, a licence
/// and attribution per resource, a bundle-level summary, and warnings where the declared bundle licence conflicts
/// with a resource's licence (a share-alike ODbL resource in a CC-BY bundle, ODbL data in a CC0 bundle, …).
public enum RightsDocument {
    /// The warnings for `layers` published under `rights.license`, one per conflicting resource.
    public static func warnings(rights: RightsInfo, layers: [LayerInfo]) -> [String] {
        var warnings: [String] = []
        if LicenceTerms(spdx: rights.license) == .unknown {
            warnings.append(
                "bundle licence \(rights.license) is not a known open-data licence; confirm the terms by hand")
        }
        for layer in layers {
            guard let conflict = LicenceTerms.conflict(resource: layer.license, bundle: rights.license) else {
                continue
            }
            for file in layer.files { warnings.append("\(file.path) (layer \(layer.id)): \(conflict)") }
        }
        return warnings
    }

    /// The document.
    public static func render(
        bundle: String, version: String, created: String, rights: RightsInfo, layers: [LayerInfo]
    ) -> JSONValue {
        var resources: [JSONValue] = []
        var licences: [String] = []
        var attributions: [String] = []
        for layer in layers {
            if !licences.contains(layer.license) { licences.append(layer.license) }
            if !layer.attribution.isEmpty && !attributions.contains(layer.attribution) {
                attributions.append(layer.attribution)
            }
            for file in layer.files {
                resources.append([
                    "path": .string(file.path),
                    "layer": .string(layer.id),
                    "license": .string(layer.license),
                    "licenseUrl": .string(LicenceTerms.url(spdx: layer.license)),
                    "terms": .string(LicenceTerms(spdx: layer.license).rawValue),
                    "attribution": .string(layer.attribution),
                    "source": .string(layer.source),
                ])
            }
        }
        let terms = Set(layers.map { LicenceTerms(spdx: $0.license) })
        let shareAlike = layers.filter { LicenceTerms(spdx: $0.license) == .shareAlike }.map(\.license)
        var statement =
            "Owned by \(rights.owner). Published under \(rights.license). \(rights.usageTerms)"
        if !attributions.isEmpty { statement += " Attribution: \(attributions.joined(separator: "; "))." }
        if !shareAlike.isEmpty {
            statement +=
                " Share-alike applies to databases derived from resources under \(Array(Set(shareAlike)).sorted().joined(separator: ", "))."
        }
        var owner: [String: JSONValue] = ["name": .string(rights.owner), "contact": .string(rights.contact)]
        if let registration = rights.registration { owner["registration"] = .string(registration) }
        return [
            "bundle": .string(bundle),
            "version": .string(version),
            "created": .string(created),
            "owner": .object(owner),
            "usageTerms": .string(rights.usageTerms),
            "license": .string(rights.license),
            "licenseUrl": .string(LicenceTerms.url(spdx: rights.license)),
            "resources": .array(resources),
            "summary": [
                "licenses": .array(licences.map(JSONValue.string)),
                "attributions": .array(attributions.map(JSONValue.string)),
                "attributionRequired": .bool(terms.contains { $0 != .publicDomain }),
                "shareAlike": .bool(!shareAlike.isEmpty),
                "statement": .string(statement),
            ],
            "warnings": .array(warnings(rights: rights, layers: layers).map(JSONValue.string)),
        ]
    }
}

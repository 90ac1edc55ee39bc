import CityBundlePublish

/// The documents of OGC API - Features Part 1 (core, GeoJSON) at `/features`.
enum FeaturesAPI {
    /// The conformance classes.
    static let conformance: [String] = [
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
    ]

    /// WGS 84 longitude/latitude, the only CRS served.
    static let crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"

    /// The landing page.
    static func landing(links: LinkBuilder) -> JSONValue {
        .object([
            "title": "CityBundle OGC API - Features",
            "description": "The layers of each bundle's latest published version, as GeoJSON features.",
            "links": .array([
                LinkBuilder.link("self", links.url("/features"), type: "application/json", title: "This document"),
                LinkBuilder.link(
                    "service-desc", links.url("/features/api"), type: "application/vnd.oai.openapi+json;version=3.0",
                    title: "OpenAPI description"),
                LinkBuilder.link(
                    "conformance", links.url("/features/conformance"), type: "application/json",
                    title: "Conformance classes"),
                LinkBuilder.link(
                    "data", links.url("/features/collections"), type: "application/json", title: "Collections"),
                LinkBuilder.link("alternate", links.url("/"), type: "text/html", title: "Catalog page"),
            ]),
        ])
    }

    /// One collection.
    static func collection(_ layer: FeatureLayer, links: LinkBuilder) -> JSONValue {
        let path = "/features/collections/\(layer.id)"
        let summary = layer.summary
        var linkList: [JSONValue] = [
            LinkBuilder.link("self", links.url(path), type: "application/json", title: "This collection"),
            LinkBuilder.link("items", links.url(path + "/items"), type: "application/geo+json", title: "Features"),
            LinkBuilder.link("license", LicenceTerms.url(spdx: summary.license), title: summary.license),
            LinkBuilder.link(
                "describedby", links.url("/stac/collections/\(layer.bundle)/items/\(summary.id)-\(layer.version)"),
                type: "application/geo+json", title: "STAC Item"),
        ]
        for download in layer.downloads {
            linkList.append(
                LinkBuilder.link("enclosure", links.url(download.path), type: download.mediaType, title: "Download"))
        }
        let bbox = summary.bbox.count == 4 ? summary.bbox : [-180, -90, 180, 90]
        return .object([
            "id": .string(layer.id),
            "title": .string(summary.title),
            "description": .string(
                "\(summary.title) (\(layer.bundleTitle), version \(layer.version)): \(summary.featureCount) features, "
                    + "licence \(summary.license), attribution: \(summary.attribution)"),
            "itemType": "feature",
            "crs": .array([.string(crs84)]),
            "extent": .object([
                "spatial": .object(["bbox": .array([.array(bbox.map { .double($0) })]), "crs": .string(crs84)])
            ]),
            "links": .array(linkList),
        ])
    }
}

import CityBundleModel
import CityBundlePublish

/// The documents of the STAC API subset at `/stac`: landing page, conformance, collections (the bundles'
/// `collection.json`) and item collections (the STAC Items of each bundle's latest version), with every link
/// made absolute.
enum STACAPI {
    /// The conformance classes: STAC API core, collections, features and item search, and OGC API - Features.
    static let conformance: [String] = [
        "https://api.stacspec.org/v1.0.0/core",
        "https://api.stacspec.org/v1.0.0/collections",
        "https://api.stacspec.org/v1.0.0/ogcapi-features",
        "https://api.stacspec.org/v1.0.0/item-search",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
    ]

    /// The landing page: a Catalog with links to conformance, collections, search and each collection.
    static func landing(bundles: [(id: String, title: String)], links: LinkBuilder) -> JSONValue {
        var linkList: [JSONValue] = [
            LinkBuilder.link("self", links.url("/stac"), type: "application/json"),
            LinkBuilder.link("root", links.url("/stac"), type: "application/json"),
            LinkBuilder.link("conformance", links.url("/stac/conformance"), type: "application/json"),
            LinkBuilder.link("data", links.url("/stac/collections"), type: "application/json"),
            LinkBuilder.link(
                "search", links.url("/stac/search"), type: "application/geo+json", extra: ["method": "GET"]),
            LinkBuilder.link(
                "search", links.url("/stac/search"), type: "application/geo+json", extra: ["method": "POST"]),
            LinkBuilder.link("alternate", links.url("/"), type: "text/html", title: "Catalog page"),
        ]
        for bundle in bundles {
            linkList.append(
                LinkBuilder.link(
                    "child", links.url("/stac/collections/\(bundle.id)"), type: "application/json", title: bundle.title)
            )
        }
        return .object([
            "type": "Catalog", "id": .string(STACDocuments.catalogID),
            "stac_version": .string(STACDocuments.stacVersion),
            "title": "CityBundle open data",
            "description":
                "City open-data bundles: every version signed (keys.json), with checksums, licences and provenance.",
            "conformsTo": .array(conformance.map { .string($0) }), "links": .array(linkList),
        ])
    }

    /// `collection.json` of `bundle` with API links and absolute asset hrefs.
    static func collection(_ published: [String: JSONValue], bundle: String, links: LinkBuilder) -> JSONValue {
        var object = published
        let path = "/stac/collections/\(bundle)"
        var linkList: [JSONValue] = [
            LinkBuilder.link("self", links.url(path), type: "application/json"),
            LinkBuilder.link("root", links.url("/stac"), type: "application/json"),
            LinkBuilder.link("parent", links.url("/stac"), type: "application/json"),
            LinkBuilder.link("items", links.url(path + "/items"), type: "application/geo+json"),
            LinkBuilder.link(
                "alternate", links.url("/\(bundle)/"), type: "text/html", title: "Versions and downloads"),
        ]
        if case .string(let license)? = published["license"] {
            linkList.append(LinkBuilder.link("license", LicenceTerms.url(spdx: license), title: license))
        }
        object["links"] = .array(linkList)
        object["assets"] = absoluteAssets(published["assets"], directory: "/\(bundle)/", links: links)
        return .object(object)
    }

    /// A published STAC Item with API links and absolute asset hrefs.
    static func item(_ item: PublishedItem, links: LinkBuilder) -> JSONValue {
        var object = item.object
        let collection = "/stac/collections/\(item.bundle)"
        object["collection"] = .string(item.bundle)
        object["links"] = .array([
            LinkBuilder.link("self", links.url("\(collection)/items/\(item.id)"), type: "application/geo+json"),
            LinkBuilder.link("parent", links.url(collection), type: "application/json"),
            LinkBuilder.link("collection", links.url(collection), type: "application/json"),
            LinkBuilder.link("root", links.url("/stac"), type: "application/json"),
        ])
        object["assets"] = absoluteAssets(item.object["assets"], directory: item.directory, links: links)
        return .object(object)
    }

    /// An ItemCollection page.
    static func itemCollection(
        _ items: [PublishedItem], matched: Int, limit: Int, links linkList: [JSONValue], builder: LinkBuilder
    ) -> JSONValue {
        .object([
            "type": "FeatureCollection", "features": .array(items.map { item($0, links: builder) }),
            "links": .array(linkList), "numberMatched": .int(Int64(matched)),
            "numberReturned": .int(Int64(items.count)),
            "context": .object([
                "returned": .int(Int64(items.count)), "limit": .int(Int64(limit)), "matched": .int(Int64(matched)),
            ]),
        ])
    }

    private static func absoluteAssets(_ assets: JSONValue?, directory: String, links: LinkBuilder) -> JSONValue {
        guard case .object(let assets)? = assets else { return .object([:]) }
        return .object(
            assets.mapValues { asset in
                guard case .object(var fields) = asset, case .string(let href)? = fields["href"] else { return asset }
                fields["href"] = .string(links.resolve(href, relativeTo: directory))
                return .object(fields)
            })
    }
}

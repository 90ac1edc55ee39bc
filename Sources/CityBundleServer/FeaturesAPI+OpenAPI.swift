import CityBundlePublish

extension FeaturesAPI {
    /// A small OpenAPI 3.0 description of `/features` (`service-desc`), so clients such as GDAL learn the page
    /// size limits.
    static func openAPI(links: LinkBuilder) -> JSONValue {
        func parameter(
            _ name: String, _ location: String, _ schema: JSONValue, _ description: String, required: Bool = false
        )
            -> JSONValue
        {
            .object([
                "name": .string(name), "in": .string(location), "required": .bool(required), "schema": schema,
                "description": .string(description), "style": "form", "explode": false,
            ])
        }
        let json: JSONValue = ["application/json": ["schema": ["type": "object"]]]
        let geoJSON: JSONValue = ["application/geo+json": ["schema": ["type": "object"]]]
        func get(_ summary: String, _ content: JSONValue, _ parameters: [JSONValue] = []) -> JSONValue {
            [
                "get": .object([
                    "summary": .string(summary), "parameters": .array(parameters),
                    "responses": [
                        "200": ["description": "OK", "content": content], "404": ["description": "Not found"],
                    ],
                ])
            ]
        }
        let collectionID = parameter("collectionId", "path", ["type": "string"], "`<bundle>.<layer>`", required: true)
        let limit = parameter(
            "limit", "query",
            [
                "type": "integer", "minimum": 1, "maximum": .int(Int64(QueryParameters.maximumLimit)),
                "default": .int(Int64(QueryParameters.defaultLimit)),
            ], "The page size")
        let bbox = parameter(
            "bbox", "query", ["type": "array", "minItems": 4, "maxItems": 6, "items": ["type": "number"]],
            "minx,miny,maxx,maxy in WGS 84 longitude/latitude")
        let offset = parameter("offset", "query", ["type": "integer", "minimum": 0, "default": 0], "Matches to skip")
        return .object([
            "openapi": "3.0.3",
            "info": ["title": "CityBundle OGC API - Features", "version": "1.0.0"],
            "servers": .array([.object(["url": .string(links.url("/features"))])]),
            "paths": .object([
                "/": get("Landing page", json),
                "/conformance": get("Conformance classes", json),
                "/collections": get("Collections", json),
                "/collections/{collectionId}": get("One collection", json, [collectionID]),
                "/collections/{collectionId}/items": get("Features", geoJSON, [collectionID, limit, bbox, offset]),
                "/collections/{collectionId}/items/{featureId}": get(
                    "One feature", geoJSON,
                    [
                        collectionID,
                        parameter("featureId", "path", ["type": "string"], "The feature id", required: true),
                    ]),
            ]),
        ])
    }
}

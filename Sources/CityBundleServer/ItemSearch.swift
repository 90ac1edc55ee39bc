import CityBundleModel
import CityBundlePublish
import Foundation
import Hummingbird

/// A STAC item search: from the query string (GET) or a JSON body (POST).
struct ItemSearch: Sendable, Equatable {
    /// Only items of these collections (bundles); nil for all.
    var collections: [String]?
    /// Only items with these ids; nil for all.
    var ids: [String]?
    /// The page: bbox, limit and offset.
    var page: QueryParameters

    /// The search of a GET request (`bbox`, `limit`, `collections`, `ids`, `token` or `offset`).
    init(query request: Request) throws {
        let query = request.uri.queryParameters
        if query["intersects"] != nil { throw Self.unsupported("intersects") }
        page = try QueryParameters(query: request)
        collections = query["collections"].map { $0.split(separator: ",").map(String.init) }
        ids = query["ids"].map { $0.split(separator: ",").map(String.init) }
    }

    /// The search of a POST body.
    init(body: Data) throws {
        guard case .object(let fields)? = try? JSONDecoder().decode(JSONValue.self, from: body) else {
            throw HTTPError(.badRequest, message: "the search body must be a JSON object")
        }
        if fields["intersects"] != nil && fields["intersects"] != .null { throw Self.unsupported("intersects") }
        var bbox: BoundingBox?
        if let value = fields["bbox"], value != .null {
            guard case .array(let items) = value else { throw QueryParameters.invalid("bbox", "\(value)") }
            let numbers = items.compactMap(Self.number)
            guard numbers.count == items.count else { throw QueryParameters.invalid("bbox", "\(value)") }
            bbox = try QueryParameters.box(numbers, text: "\(numbers)")
        }
        page = try QueryParameters(
            bbox: nil, limit: fields["limit"].flatMap(Self.text),
            offset: (fields["token"] ?? fields["offset"]).flatMap(Self.text))
        page.bbox = bbox
        collections = try Self.strings(fields["collections"], name: "collections")
        ids = try Self.strings(fields["ids"], name: "ids")
    }

    /// The matching items of the latest versions, in bundle and layer order.
    func run(_ tree: PublishedTree) -> [PublishedItem] {
        let bundles = tree.bundleIDs().filter { collections?.contains($0) ?? true }
        return bundles.flatMap { tree.latestItems($0) }.filter { item in
            (ids?.contains(item.id) ?? true) && (page.bbox.map { Self.intersects(item.bbox, $0) } ?? true)
        }
    }

    /// The fields of the search other than the page offset, for `next` links.
    var jsonFields: [String: JSONValue] {
        var fields: [String: JSONValue] = ["limit": .int(Int64(page.limit))]
        if let bbox = page.bbox { fields["bbox"] = .array(bbox.asArray.map { .double($0) }) }
        if let collections { fields["collections"] = .array(collections.map { .string($0) }) }
        if let ids { fields["ids"] = .array(ids.map { .string($0) }) }
        return fields
    }

    /// The same fields as query pairs.
    var queryPairs: [(String, String)] {
        var pairs: [(String, String)] = [("limit", String(page.limit))]
        if let bbox = page.bbox { pairs.append(("bbox", bbox.asArray.map { "\($0)" }.joined(separator: ","))) }
        if let collections { pairs.append(("collections", collections.joined(separator: ","))) }
        if let ids { pairs.append(("ids", ids.joined(separator: ","))) }
        return pairs
    }

    static func intersects(_ bbox: [Double], _ box: BoundingBox) -> Bool {
        let count = bbox.count
        guard count == 4 || count == 6 else { return false }
        let itemBox = BoundingBox(
            minX: bbox[0], minY: bbox[1], maxX: bbox[count / 2], maxY: bbox[count / 2 + 1])
        return itemBox.intersects(box)
    }

    private static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .double(let number): number
        case .int(let number): Double(number)
        default: nil
        }
    }

    private static func text(_ value: JSONValue) -> String? {
        switch value {
        case .int(let number): String(number)
        case .string(let text): text
        case .double(let number): number == number.rounded() ? String(Int64(number)) : String(number)
        default: nil
        }
    }

    private static func strings(_ value: JSONValue?, name: String) throws -> [String]? {
        guard let value, value != .null else { return nil }
        guard case .array(let items) = value else { throw QueryParameters.invalid(name, "\(value)") }
        return try items.map {
            guard case .string(let text) = $0 else { throw QueryParameters.invalid(name, "\($0)") }
            return text
        }
    }

    private static func unsupported(_ name: String) -> HTTPError {
        HTTPError(.badRequest, message: "'\(name)' is not supported by this server; use bbox")
    }
}

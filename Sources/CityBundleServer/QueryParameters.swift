import CityBundleModel
import Foundation
import Hummingbird

/// The query parameters the STAC and OGC API routes share: `bbox`, `limit`, `offset` (or `token`).
struct QueryParameters: Sendable, Equatable {
    /// The default page size.
    static let defaultLimit = 10
    /// The largest page size; larger requests are cut to it.
    static let maximumLimit = 10_000

    /// Features or items whose extent intersects this rectangle (WGS 84 longitude/latitude).
    var bbox: BoundingBox?
    /// The page size.
    var limit: Int
    /// How many matches to skip.
    var offset: Int

    /// Parameters from texts.
    /// - Throws: `HTTPError` 400 naming the parameter.
    init(bbox: String?, limit: String?, offset: String?) throws {
        self.bbox = try bbox.map(Self.parseBBox)
        self.limit = try limit.map(Self.parseLimit) ?? Self.defaultLimit
        self.offset = try offset.map(Self.parseOffset) ?? 0
    }

    /// Parameters from a request's query string (`offset`, or the `token` of a `next` link).
    init(query request: Request) throws {
        let query = request.uri.queryParameters
        try self.init(
            bbox: query["bbox"].map(String.init), limit: query["limit"].map(String.init),
            offset: (query["offset"] ?? query["token"]).map(String.init))
    }

    /// `minx,miny,maxx,maxy` or, with heights, `minx,miny,minz,maxx,maxy,maxz`.
    static func parseBBox(_ text: String) throws -> BoundingBox {
        let numbers = text.split(separator: ",", omittingEmptySubsequences: false).map {
            Double($0.trimmingCharacters(in: .whitespaces))
        }
        guard numbers.allSatisfy({ $0?.isFinite == true }) else { throw invalid("bbox", text) }
        let values = numbers.map { $0! }
        return try box(values, text: text)
    }

    /// A rectangle from 4 or 6 numbers.
    static func box(_ values: [Double], text: String) throws -> BoundingBox {
        let box: BoundingBox
        switch values.count {
        case 4: box = BoundingBox(minX: values[0], minY: values[1], maxX: values[2], maxY: values[3])
        case 6: box = BoundingBox(minX: values[0], minY: values[1], maxX: values[3], maxY: values[4])
        default: throw invalid("bbox", text)
        }
        guard box.minX <= box.maxX, box.minY <= box.maxY, box.minY >= -90, box.maxY <= 90 else {
            throw invalid("bbox", text)
        }
        return box
    }

    /// A positive page size, cut to the maximum.
    static func parseLimit(_ text: String) throws -> Int {
        guard let value = Int(text), value >= 1 else { throw invalid("limit", text) }
        return min(value, maximumLimit)
    }

    /// A non-negative offset.
    static func parseOffset(_ text: String) throws -> Int {
        guard let value = Int(text), value >= 0 else { throw invalid("offset", text) }
        return value
    }

    static func invalid(_ name: String, _ value: String) -> HTTPError {
        HTTPError(.badRequest, message: "invalid value '\(value.prefix(100))' for parameter '\(name)'")
    }
}

import CompressNIO
import Foundation
import Hummingbird

/// gzip content coding (RFC 9110 §8.4.1.3) through zlib, for clients whose `Accept-Encoding` allows it.
enum Gzip {
    /// Whether `Accept-Encoding` accepts gzip: listed (or `*`) with a non-zero quality.
    static func isAccepted(by request: Request) -> Bool {
        var gzip: Double?
        var any: Double?
        for value in request.headers[values: .acceptEncoding] {
            for item in value.split(separator: ",") {
                let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                guard let coding = parts.first else { continue }
                var quality = 1.0
                for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
                    quality = Double(parameter.dropFirst(2)) ?? 0
                }
                if coding == "gzip" || coding == "x-gzip" { gzip = quality } else if coding == "*" { any = quality }
            }
        }
        return (gzip ?? any ?? 0) > 0
    }

    /// The gzip stream of `buffer`.
    static func compress(_ buffer: ByteBuffer) throws -> ByteBuffer {
        var input = buffer
        return try input.compress(with: .gzip())
    }
}

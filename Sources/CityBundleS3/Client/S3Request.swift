import AsyncHTTPClient
import Crypto
import Foundation
import NIOCore
import NIOHTTP1

/// One S3 API call before signing: operation name, method, key, query, signed headers and body.
struct S3Request: Sendable {
    /// The API operation, for errors (`PutObject`).
    let operation: String
    let method: HTTPMethod
    /// The object key; nil for bucket operations.
    let key: String?
    /// Query parameters (unencoded).
    let query: [(String, String)]
    /// Headers to send and sign.
    let headers: [SigV4Request.Header]
    /// The payload hash that is signed.
    let payloadSHA256: String
    /// The body size, for the attempt deadline.
    let bodySize: Int64
    /// A fresh body for each attempt; nil for requests without one.
    let makeBody: (@Sendable () -> HTTPClientRequest.Body)?

    /// A request with `body` in memory (signed, with `Content-MD5`); an empty body sends none.
    init(
        operation: String, method: HTTPMethod, key: String? = nil, query: [(String, String)] = [],
        headers: [SigV4Request.Header] = [], body: Data = Data()
    ) {
        self.operation = operation
        self.method = method
        self.key = key
        self.query = query
        self.payloadSHA256 = HexEncoding.lowercase(SHA256.hash(data: body))
        self.bodySize = Int64(body.count)
        if body.isEmpty {
            self.headers = headers
            self.makeBody = nil
        } else {
            let md5 = Data(Insecure.MD5.hash(data: body)).base64EncodedString()
            self.headers = headers + [SigV4Request.Header("content-md5", md5)]
            let bytes = ByteBuffer(bytes: body)
            self.makeBody = { .bytes(bytes) }
        }
    }

    /// A request whose body is streamed by `makeBody` (`bodySize` bytes hashing to `payloadSHA256`).
    init(
        operation: String, method: HTTPMethod, key: String, headers: [SigV4Request.Header], payloadSHA256: String,
        bodySize: Int64, makeBody: @escaping @Sendable () -> HTTPClientRequest.Body
    ) {
        self.operation = operation
        self.method = method
        self.key = key
        self.query = []
        self.headers = headers
        self.payloadSHA256 = payloadSHA256
        self.bodySize = bodySize
        self.makeBody = makeBody
    }
}

import AsyncHTTPClient
import Crypto
import NIOCore
import NIOFileSystem
import NIOHTTP1

extension S3Client {
    /// Streams the file at `path` to `key` in 1 MiB chunks; the handle stays open across retries.
    func uploadFile(key: String, path: String, sha256Hex: String?, contentType: String, cacheControl: String?)
        async throws
    {
        var headers = [SigV4Request.Header("content-type", contentType)]
        if let cacheControl { headers.append(SigV4Request.Header("cache-control", cacheControl)) }
        func localError(_ reason: String) -> S3Error {
            S3Error(
                operation: "PutObject", bucket: bucket, key: key, failure: .localFile(path: path, reason: reason),
                attempts: 0)
        }
        var hash = sha256Hex ?? ""
        if sha256Hex == nil {
            do {
                hash = try await FileHashing.sha256Hex(ofFileAt: path)
            } catch {
                throw localError(String(describing: error))
            }
        }
        do {
            try await FileSystem.shared.withFileHandle(forReadingAt: FilePath(path)) { handle in
                let info = try await handle.info()
                guard info.type == .regular else { throw localError("not a regular file") }
                let size = info.size
                let request = S3Request(
                    operation: "PutObject", method: .PUT, key: key, headers: headers, payloadSHA256: hash,
                    bodySize: size,
                    makeBody: {
                        .stream(handle.readChunks(in: 0..<size, chunkLength: .mebibytes(1)), length: .known(size))
                    })
                _ = try await perform(request, expecting: [])
            }
        } catch let error as S3Error {
            throw error
        } catch {
            throw localError(String(describing: error))
        }
    }
}

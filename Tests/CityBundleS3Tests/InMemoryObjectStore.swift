import CityBundleS3
import Foundation

/// An S3 bucket in memory that records every call, for mirror tests without a network.
actor InMemoryObjectStore: S3ObjectStore {
    struct StoredObject: Equatable {
        var data: Data
        var contentType: String
        var cacheControl: String?
    }

    enum Call: Equatable {
        case list(String)
        case get(String)
        case put(String)
        case delete(String)
    }

    private(set) var objects: [String: StoredObject] = [:]
    private(set) var calls: [Call] = []
    /// Uploads still allowed before every further upload fails (an interrupted run); nil for no limit.
    var uploadsBeforeFailure: Int?

    struct InjectedFailure: Error {}

    func setUploadsBeforeFailure(_ count: Int?) { uploadsBeforeFailure = count }

    /// Puts `text` at `key` directly (remote state set up by a test).
    func seed(_ key: String, _ text: String) {
        objects[key] = StoredObject(data: Data(text.utf8), contentType: "application/octet-stream", cacheControl: nil)
    }

    func forget(_ key: String) { objects[key] = nil }

    func clearCalls() { calls = [] }

    var puts: [String] { calls.compactMap { if case .put(let key) = $0 { key } else { nil } } }
    var deletes: [String] { calls.compactMap { if case .delete(let key) = $0 { key } else { nil } } }

    func listObjects(prefix: String) async throws -> [S3ObjectInfo] {
        calls.append(.list(prefix))
        return objects.keys.filter { $0.hasPrefix(prefix) }.sorted().map { key in
            let data = objects[key]!.data
            return S3ObjectInfo(key: key, size: Int64(data.count), eTag: "\"\(PublishRootFixture.md5(data))\"")
        }
    }

    func getObject(key: String, maxSize: Int) async throws -> Data? {
        calls.append(.get(key))
        return objects[key]?.data
    }

    func putObject(key: String, fileAt path: String, sha256Hex: String?, contentType: String, cacheControl: String?)
        async throws
    {
        if let remaining = uploadsBeforeFailure {
            guard remaining > 0 else { throw InjectedFailure() }
            uploadsBeforeFailure = remaining - 1
        }
        calls.append(.put(key))
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        objects[key] = StoredObject(data: data, contentType: contentType, cacheControl: cacheControl)
    }

    func deleteObject(key: String) async throws {
        calls.append(.delete(key))
        objects[key] = nil
    }
}

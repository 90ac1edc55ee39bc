import CityBundlePublish
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What fetches remember between runs (a small JSON file, mode 0600): the keys pinned per publish root, and per
/// bundle the highest version and `versions.json` sequence seen (rollback protection).
struct FetchState: Codable, Sendable {
    /// The file format.
    var format = "citybundle.fetch-state/1"
    /// Trusted key records by publish root URL.
    var pins: [String: [PublicKeyRecord]] = [:]
    /// Highest version and sequence per bundle id.
    var seen = VerifierState()

    /// Reads `path`; an absent file is an empty state.
    static func load(_ path: String) throws -> FetchState {
        guard FileManager.default.fileExists(atPath: path) else { return FetchState() }
        guard let data = FileManager.default.contents(atPath: path),
            let state = CanonicalJSON.decode(FetchState.self, from: data)
        else { throw FetchError.io(path: path, message: "not a fetch state file") }
        return state
    }

    /// Writes `path` atomically.
    func save(_ path: String) throws {
        do {
            let directory = (path as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let temporary = "\(directory)/.\((path as NSString).lastPathComponent).tmp-\(UUID().uuidString)"
            try CanonicalJSON.encode(self).write(to: URL(fileURLWithPath: temporary))
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: temporary)
            guard rename(temporary, path) == 0 else {
                try? FileManager.default.removeItem(atPath: temporary)
                throw FetchError.io(path: path, message: "cannot replace the state file")
            }
        } catch let error as FetchError {
            throw error
        } catch {
            throw FetchError.io(path: path, message: "cannot write the state file: \(error)")
        }
    }
}

import Foundation

/// Values derived from files (parsed documents, digests), kept while the file's stamp is unchanged.
final class StampedCache: @unchecked Sendable {
    // `entries` is only touched under `lock`.
    private let lock = NSLock()
    private var entries: [String: (stamp: FileStamp, value: any Sendable)] = [:]
    private let capacity: Int

    /// A cache of at most `capacity` files (it starts over when full).
    init(capacity: Int = 4096) {
        self.capacity = capacity
    }

    /// The value stored for `key` at `stamp`, if it has that type.
    func value<T>(_ key: String, stamp: FileStamp, as type: T.Type) -> T? {
        lock.withLock {
            guard let entry = entries[key], entry.stamp == stamp else { return nil }
            return entry.value as? T
        }
    }

    /// Stores `value` for `key` at `stamp`.
    func store(_ key: String, stamp: FileStamp, value: any Sendable) {
        lock.withLock {
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = (stamp, value)
        }
    }
}

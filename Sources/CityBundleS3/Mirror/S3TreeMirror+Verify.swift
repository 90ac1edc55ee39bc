import Foundation

extension S3TreeMirror {
    /// Checks the destination against the local root after a mirror: every local file is there with its size,
    /// the pointer and catalog files (outside version folders, the ones clients read first) have the local
    /// bytes (MD5 ETag), and no other object is under the prefix. Returns how many objects were checked.
    /// - Throws: ``MirrorError/verificationFailed(destination:problems:)`` naming each key that differs.
    public func verify() async throws -> Int {
        let tree = try PublishTree(scanning: root)
        let remote = Dictionary(
            try await store.listObjects(prefix: destination.prefix).map { ($0.key, $0) },
            uniquingKeysWith: { a, _ in a })
        var problems: [String] = []
        var expected = Set<String>()
        let versioned = Set(
            tree.bundles.flatMap { bundle in
                bundle.versions.flatMap { $0.dataFiles + [$0.signature, $0.marker].compactMap { $0 } }
            }.map(\.relativePath))
        for file in tree.allFiles {
            let key = destination.key(file.relativePath)
            expected.insert(key)
            guard let object = remote[key] else {
                problems.append("\(key) is missing")
                continue
            }
            if object.size != file.size {
                problems.append("\(key) has \(object.size) bytes, the local file \(file.size)")
            } else if !versioned.contains(file.relativePath),
                object.eTag != (try FileMD5.hex(ofFileAt: tree.path(file)))
            {
                problems.append("\(key) has other content than the local file")
            }
        }
        for key in remote.keys.sorted() where !expected.contains(key) {
            problems.append("\(key) is not in the local publish root")
        }
        guard problems.isEmpty else {
            throw MirrorError.verificationFailed(destination: destination.description, problems: problems)
        }
        return expected.count
    }
}

import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a request path leads inside the published tree.
enum StaticTarget: Equatable {
    /// A regular file (its real path, all symlinks resolved, inside the root).
    case file(path: String, stamp: FileStamp)
    /// A folder with an `index.html`, asked for without the trailing slash.
    case addTrailingSlash
    /// A symlink inside the tree that leads outside it.
    case forbidden
    /// Nothing servable (missing, a folder without `index.html`, a device, a hidden name).
    case notFound
}

extension PublishedTree {
    /// Resolves `path` to a file under the root: every symlink is resolved and the result must stay inside the
    /// root; a folder is served only through its `index.html`, never listed.
    func resolve(_ path: RequestPath) -> StaticTarget {
        let lexical = ([root] + path.components).joined(separator: "/")
        guard let real = Self.realPath(lexical) else { return .notFound }
        guard let stamp = FileStamp(path: real) else { return .notFound }
        guard isInside(real) else { return .forbidden }
        if stamp.isDirectory {
            guard let index = Self.realPath(real + "/index.html") else { return .notFound }
            guard isInside(index) else { return .forbidden }
            guard let indexStamp = FileStamp(path: index), indexStamp.isRegularFile else { return .notFound }
            return path.hasTrailingSlash ? .file(path: index, stamp: indexStamp) : .addTrailingSlash
        }
        guard stamp.isRegularFile, !path.hasTrailingSlash else { return .notFound }
        return .file(path: real, stamp: stamp)
    }

    /// Whether a real path is the root or below it, through names that may be served (no hidden ones).
    func isInside(_ real: String) -> Bool {
        if real == root { return true }
        guard real.hasPrefix(root + "/") else { return false }
        return real.dropFirst(root.count + 1).split(separator: "/").allSatisfy { RequestPath.isSafe(String($0)) }
    }

    /// `realpath(3)`, or nil when the path does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

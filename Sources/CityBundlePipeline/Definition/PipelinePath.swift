/// Lexical path helpers for pipeline files; they never touch the file system.
enum PipelinePath {
    /// The directory part of `path`: `Pipelines/wuhan.yaml` → `Pipelines`, `wuhan.yaml` → `.`, `/p.yaml` → `/`.
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let directory = String(path[..<slash])
        return directory.isEmpty ? "/" : directory
    }

    /// `path` resolved against `directory`: absolute paths are returned unchanged, relative ones are joined and
    /// normalised (`.` removed, `name/..` folded): `Pipelines` + `../Datasets/a.shp` → `Datasets/a.shp`.
    static func resolve(_ path: String, against directory: String) -> String {
        if path.hasPrefix("/") { return path }
        return normalise(directory + "/" + path)
    }

    /// Removes empty and `.` components and folds `name/..`; leading `..` of a relative path are kept.
    static func normalise(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var components: [Substring] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".":
                continue
            case "..":
                if let last = components.last, last != ".." {
                    components.removeLast()
                } else if !absolute {
                    components.append(component)
                }
            default:
                components.append(component)
            }
        }
        let joined = components.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}

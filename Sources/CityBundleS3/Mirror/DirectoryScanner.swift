import Foundation

/// Lists a folder tree under a root without following symlinks, skipping dot-entries.
struct DirectoryScanner {
    enum Kind { case file, directory, other }

    let root: String
    /// Relative paths left out (dot-entries, symlinks, special files).
    var ignored: [String] = []

    init(root: String) { self.root = root }

    /// What `relative` is, without following a symlink.
    func kind(of relative: String) -> Kind {
        let path = relative.isEmpty ? root : "\(root)/\(relative)"
        guard let type = try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType else {
            return .other
        }
        switch type {
        case .typeRegular: return .file
        case .typeDirectory: return .directory
        default: return .other
        }
    }

    /// The names in the folder `relative`, sorted, without dot-entries (which are added to ``ignored``).
    mutating func entries(of relative: String) throws(MirrorError) -> [String] {
        let path = relative.isEmpty ? root : "\(root)/\(relative)"
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw .io(path: path, reason: error.localizedDescription)
        }
        var kept: [String] = []
        for name in names.sorted() {
            if name.hasPrefix(".") {
                ignored.append(relative.isEmpty ? name : "\(relative)/\(name)")
            } else {
                kept.append(name)
            }
        }
        return kept
    }

    /// The regular file `relative` with its size.
    func file(_ relative: String) throws(MirrorError) -> PublishTree.File {
        let path = "\(root)/\(relative)"
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
            return PublishTree.File(relativePath: relative, size: size)
        } catch {
            throw .io(path: path, reason: error.localizedDescription)
        }
    }

    /// Every regular file below the folder `relative`, depth first, sorted by path.
    mutating func filesBelow(_ relative: String) throws(MirrorError) -> [PublishTree.File] {
        var files: [PublishTree.File] = []
        for name in try entries(of: relative) {
            let path = "\(relative)/\(name)"
            switch kind(of: path) {
            case .file: files.append(try file(path))
            case .directory: files += try filesBelow(path)
            case .other: ignored.append(path)
            }
        }
        return files.sorted { $0.relativePath < $1.relativePath }
    }
}

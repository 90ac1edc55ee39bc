import Foundation

/// Where the shared validators and fixtures live: `$CB_SHARED`, else `shared` beside the package root.
enum TestPaths {
    /// The package root: the first folder above this file holding Package.swift.
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url.path
            }
        }
        return FileManager.default.currentDirectoryPath
    }()

    /// The shared folder.
    static let shared: String = {
        if let path = ProcessInfo.processInfo.environment["CB_SHARED"], !path.isEmpty { return path }
        return URL(fileURLWithPath: packageRoot).deletingLastPathComponent().appendingPathComponent("shared").path
    }()

    /// A fixture under `shared/fixtures/`.
    static func fixture(_ relative: String) -> String { "\(shared)/fixtures/\(relative)" }

    /// A fresh temporary directory.
    static func temporaryDirectory(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cb3d-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

import Foundation

/// Paths of the package, the shared fixtures and validator tools, for tests.
public enum Fixtures {
    /// The package root (the folder holding Package.swift).
    public static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url.path
            }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// `../shared` beside the package, or `$CB_SHARED`.
    public static let shared: String = {
        if let path = ProcessInfo.processInfo.environment["CB_SHARED"], !path.isEmpty { return path }
        return URL(fileURLWithPath: packageRoot).deletingLastPathComponent().appendingPathComponent("shared").path
    }()

    /// A file under `shared/fixtures/`.
    public static func shared(_ relative: String) -> String {
        "\(shared)/fixtures/\(relative)"
    }

    /// A file under the package's `Datasets/`.
    public static func dataset(_ relative: String) -> String {
        "\(packageRoot)/Datasets/\(relative)"
    }

    /// A validator script under `shared/tools/`.
    public static func tool(_ name: String) -> String {
        "\(shared)/tools/\(name)"
    }

    /// The Python of the validator tools' virtual environment (`make tools`), which also has
    /// junitparser and the SARIF schema.
    public static var toolsPython: String {
        let environment = ProcessInfo.processInfo.environment
        let venv =
            environment["CB_TOOLS_VENV"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "\(NSHomeDirectory())/.cache/citybundle-tools/venv"
        return "\(venv)/bin/python"
    }

    /// The directory of a bundle's latest published version under a publish root (from `latest.json`).
    public static func latestVersionDirectory(root: String, bundle: String) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(root)/\(bundle)/latest.json"))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        guard let version = object?["version"] as? String else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: "\(root)/\(bundle)/latest.json"])
        }
        return "\(root)/\(bundle)/\(version)"
    }

    /// The `citybundle` binary built next to the tests.
    public static var citybundleBinary: String {
        let bundle = Bundle.main.bundleURL.deletingLastPathComponent()
        let candidates = [bundle.appendingPathComponent("citybundle").path, "\(packageRoot)/.build/debug/citybundle"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[1]
    }
}

import Foundation
import Testing

/// The independent checkers of `shared/tools`, run on a published tree.
enum Validators {
    /// Runs `check_catalog.sh` on `root`.
    static func checkCatalog(_ root: String) throws -> TestSupport.CommandResult {
        let script = "\(TestSupport.shared)/tools/check_catalog.sh"
        guard FileManager.default.fileExists(atPath: script) else {
            Issue.record("\(script) not found: set CB_SHARED to the shared folder")
            return TestSupport.CommandResult(status: -1, output: "")
        }
        return try TestSupport.run("/bin/bash", [script, root])
    }

    /// Runs the venv's `stac-validator validate <root>/catalog.json --recursive`, with the STAC, GeoJSON and
    /// File-extension schemas mapped to the copies vendored in `shared/tools/schemas` (there is no network).
    static func stacValidator(_ root: String) throws -> TestSupport.CommandResult? {
        guard let tool = TestSupport.venvTool("stac-validator") else { return nil }
        let schemas = "\(TestSupport.shared)/tools/schemas"
        var arguments = ["validate", "\(root)/catalog.json", "--recursive"]
        let stacSpec = "\(schemas)/stac-spec"
        for relative in TestSupport.files(under: stacSpec) where relative.hasSuffix(".json") {
            arguments += ["-s", "https://schemas.stacspec.org/\(relative)", "\(stacSpec)/\(relative)"]
        }
        for name in ["Feature", "Geometry"] {
            arguments += ["-s", "https://geojson.org/schema/\(name).json", "\(schemas)/geojson/\(name).json"]
        }
        for version in ["v1.0.0", "v2.0.0", "v2.1.0"] {
            arguments += [
                "-s", "https://stac-extensions.github.io/file/\(version)/schema.json",
                "\(schemas)/stac-extensions/file/\(version).schema.json",
            ]
        }
        return try TestSupport.run(tool, arguments)
    }

    /// Runs the venv's `frictionless validate datapackage.json` in `directory`.
    static func frictionless(_ directory: String) throws -> TestSupport.CommandResult? {
        guard let tool = TestSupport.venvTool("frictionless") else { return nil }
        return try TestSupport.run(tool, ["validate", "datapackage.json"], directory: directory)
    }
}

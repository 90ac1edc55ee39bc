import Foundation
import Testing

/// Runs the independent glTF validator `shared/tools/check_gltf.sh`.
enum Validator {
    /// The script's path.
    static var script: String { "\(TestPaths.shared)/tools/check_gltf.sh" }

    /// Exit status and output of the validator on `files` with extra environment; nil (after recording
    /// an issue that explains the set-up) when the script is missing.
    static func checkGLTF(_ files: [String], environment: [String: String] = [:]) throws -> (
        status: Int32, output: String
    )? {
        guard FileManager.default.fileExists(atPath: script) else {
            Issue.record(
                "glTF validator not found at \(script): set CB_SHARED to the shared folder (with tools/check_gltf.sh) or put it beside the package"
            )
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script] + files
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

import CityBundleModel
import CityBundlePublish
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Paths, temporary folders, external tools and a real Wuhan bundle for the publish tests.
enum TestSupport {
    /// The package root (the folder holding Package.swift), found from this file.
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url.path
            }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// `$CB_SHARED`, or the `shared` folder beside the package root.
    static let shared: String = {
        if let path = ProcessInfo.processInfo.environment["CB_SHARED"], !path.isEmpty { return path }
        return URL(fileURLWithPath: packageRoot).deletingLastPathComponent().appendingPathComponent("shared").path
    }()

    /// The validators' virtual environment: `$CB_TOOLS_VENV` or `~/.cache/citybundle-tools/venv`.
    static let toolsVenv: String = {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["CB_TOOLS_VENV"], !path.isEmpty { return path }
        let cache =
            environment["CB_TOOLS_CACHE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "\(NSHomeDirectory())/.cache/citybundle-tools"
        return "\(cache)/venv"
    }()

    /// A file of the Wuhan sample.
    static func dataset(_ name: String) -> String { "\(packageRoot)/Datasets/wuhan/\(name)" }

    /// A new empty folder; removed (read-only parts included) by `removeTree`.
    static func makeDirectory(_ prefix: String = "cb-publish") throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    /// Removes a folder whose published parts are read-only.
    static func removeTree(_ path: String) {
        _ = try? run("/bin/chmod", ["-R", "u+w", path])
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The result of another program.
    struct CommandResult {
        var status: Int32
        var output: String
    }

    /// Runs `executable` with `arguments`, standard error merged into the output.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], directory: String? = nil) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    /// A tool of the validators' venv; records a failure (not a skip) naming the install step when it is missing.
    static func venvTool(_ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String? {
        let path = "\(toolsVenv)/bin/\(name)"
        guard FileManager.default.isExecutableFile(atPath: path) else {
            Issue.record(
                "\(name) not found at \(path): run \(shared)/tools/install.sh (or set CB_TOOLS_VENV)",
                sourceLocation: sourceLocation)
            return nil
        }
        return path
    }

    /// A fixed clock that tests can move.
    final class ManualClock: @unchecked Sendable {
        private let lock = NSLock()
        private var current: Date

        init(_ text: String) { current = Timestamp.date(text)! }

        var now: Date {
            lock.lock()
            defer { lock.unlock() }
            return current
        }

        func set(_ text: String) {
            lock.lock()
            current = Timestamp.date(text)!
            lock.unlock()
        }

        func advance(_ seconds: TimeInterval) {
            lock.lock()
            current += seconds
            lock.unlock()
        }

        var function: @Sendable () -> Date { { [self] in self.now } }
    }

    /// An error caught inside a `@Sendable` closure, for the test to look at afterwards.
    final class ErrorBox: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: (any Error)?

        var error: (any Error)? {
            get {
                lock.lock()
                defer { lock.unlock() }
                return stored
            }
            set {
                lock.lock()
                stored = newValue
                lock.unlock()
            }
        }
    }

    /// Flips the lowest bit of the byte in the middle of `path` (making it writable first, read-only again after).
    static func flipByte(_ path: String) throws {
        var info = stat()
        lstat(path, &info)
        let mode = info.st_mode & 0o777
        chmod(path, 0o644)
        defer { chmod(path, mode) }
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        data[data.count / 2] ^= 0x01
        try data.write(to: URL(fileURLWithPath: path))
    }

    /// Replaces `destination`'s bytes with `source`'s, through its permissions.
    static func overwrite(_ destination: String, with source: String) throws {
        var info = stat()
        lstat(destination, &info)
        let mode = info.st_mode & 0o777
        chmod(destination, 0o644)
        defer { chmod(destination, mode) }
        try Data(contentsOf: URL(fileURLWithPath: source)).write(to: URL(fileURLWithPath: destination))
    }

    /// Writes `data` over `destination`, through its permissions.
    static func overwrite(_ destination: String, with data: Data) throws {
        var info = stat()
        lstat(destination, &info)
        let mode = info.st_mode & 0o777
        chmod(destination, 0o644)
        defer { chmod(destination, mode) }
        try data.write(to: URL(fileURLWithPath: destination))
    }

    /// Every regular file under `root`, relative to it, sorted.
    static func files(under root: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: root)
        var result: [String] = []
        while let name = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: "\(root)/\(name)", isDirectory: &isDirectory)
            if !isDirectory.boolValue { result.append(name) }
        }
        return result.sorted()
    }
}

import Foundation

/// The outcome of running another program.
public struct CommandResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }
}

/// Runs real programs (GDAL's utilities, the validators, the citybundle binary) from tests.
public enum ExternalCommand {
    /// Runs `executable` with `arguments`, optional standard input, and waits for it.
    @discardableResult
    public static func run(
        _ executable: String, _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
        unset: [String] = [], directory: String? = nil
    ) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable.hasPrefix("/") ? executable : "/usr/bin/env")
        process.arguments = executable.hasPrefix("/") ? arguments : [executable] + arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        for key in unset { env.removeValue(forKey: key) }
        process.environment = env
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes concurrently so a chatty child never blocks on a full pipe.
        let errorData = LockedData()
        let reader = Thread { errorData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.isSet { usleep(1000) }
        return CommandResult(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errorData.value, as: UTF8.self))
    }

    /// Runs a validator from `shared/tools` on `files`.
    public static func validate(_ tool: String, _ files: [String], environment: [String: String] = [:]) throws
        -> CommandResult
    {
        try run(
            "/bin/bash", [Fixtures.tool(tool)] + files,
            environment: environment.merging(["CB_TOOLS_QUIET": "1"]) { a, _ in a })
    }

    /// Runs the citybundle binary, with extra environment variables and without those in `unset`.
    public static func citybundle(
        _ arguments: [String], directory: String? = nil, environment: [String: String] = [:], unset: [String] = []
    ) throws -> CommandResult {
        try run(Fixtures.citybundleBinary, arguments, environment: environment, unset: unset, directory: directory)
    }
}

private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?

    func set(_ value: Data) {
        lock.lock()
        data = value
        lock.unlock()
    }

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return data != nil
    }

    var value: Data {
        lock.lock()
        defer { lock.unlock() }
        return data ?? Data()
    }
}

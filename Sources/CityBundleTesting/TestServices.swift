import Foundation

/// Servers the tests run against for real, started by the scripts in `scripts/` (which `make test` also runs).
public enum TestServices {
    /// Starts `scripts/<script> start` (a no-op when it is running) and returns the variables its `env` prints
    /// (`KEY=VALUE` or `export KEY=VALUE` lines); nil with the reason when it could not start.
    public static func start(_ script: String) -> Result<[String: String], ServiceError> {
        let path = "\(Fixtures.packageRoot)/scripts/\(script)"
        do {
            let started = try ExternalCommand.run("/bin/bash", [path, "start"])
            guard started.status == 0 else {
                return .failure(ServiceError(message: "\(script) start exited \(started.status): \(started.stderr)"))
            }
            let env = try ExternalCommand.run("/bin/bash", [path, "env"])
            var values: [String: String] = [:]
            for line in env.stdout.split(separator: "\n") {
                let assignment = line.hasPrefix("export ") ? line.dropFirst("export ".count) : line[...]
                let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
                if parts.count == 2 { values[parts[0]] = parts[1] }
            }
            return .success(values)
        } catch {
            return .failure(ServiceError(message: "cannot run \(path): \(error)"))
        }
    }

    /// Why a test server is not there.
    public struct ServiceError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}

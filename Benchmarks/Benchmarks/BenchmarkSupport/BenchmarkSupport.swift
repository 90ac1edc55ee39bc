import CityBundleSynthetic
import Foundation

// What both benchmark executables share: the city's parameters, the scratch directory and the failure type.

/// A benchmark's own check failed: the benchmark tool reports the message and fails the run.
public struct BenchmarkFailure: Error, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// The synthetic city every benchmark uses.
public enum City {
    /// Buildings in the city.
    public static let buildings = 10_000
    /// The generator's seed, as in Benchmarks/run.sh.
    public static let seed: UInt64 = 42
}

// MARK: - Scratch space

/// This process's temporary directory with the synthetic city in it, made on first use and removed by the
/// global teardown.
public final class Scratch: @unchecked Sendable {
    /// The process's scratch space.
    public static let shared = Scratch()

    // `directory` and `cityReady` are guarded by `lock`; that is why the class is @unchecked Sendable.
    private let lock = NSLock()
    private var directory: String?
    private var cityReady = false

    /// The temporary directory, created on first use.
    public func path() throws -> String {
        try lock.withLock { try makeDirectory() }
    }

    /// The directory holding `buildings.geojson`, `scenic_sites.geojson` and `districts.geojson` of the city.
    public func city() throws -> String {
        try lock.withLock {
            let directory = try makeDirectory()
            if !cityReady {
                let summary = try SyntheticCity(buildings: City.buildings, seed: City.seed).write(to: directory)
                guard summary.buildings == City.buildings else { throw BenchmarkFailure("city not generated") }
                cityReady = true
            }
            return directory
        }
    }

    /// Removes the directory and everything in it, if it was made.
    public func remove() {
        lock.withLock {
            if let directory { try? FileManager.default.removeItem(atPath: directory) }
            directory = nil
            cityReady = false
        }
    }

    private func makeDirectory() throws -> String {
        if let directory { return directory }
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(base)/citybundle-bench-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard let made else { throw BenchmarkFailure("cannot create a temporary directory in \(base)") }
        let path = String(cString: made)
        directory = path
        return path
    }
}

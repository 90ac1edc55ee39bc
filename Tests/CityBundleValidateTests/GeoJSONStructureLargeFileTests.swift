import CityBundleValidate
import Foundation
import Testing

/// A FeatureCollection of about 230 MB must be checked in bounded memory.
///
/// VmHWM is process-wide: tests of other suites running at the same time count too, so the suite runs
/// its one test alone and the margin (100 MB) is wide.
@Suite(.serialized) struct GeoJSONStructureLargeFileTests {
    static let featureCount = 300_000

    @Test func largeFeatureCollectionIsCheckedToTheEnd() throws {
        let directory = try StructureTestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("large.geojson").path
        let bytesWritten = try Self.writeLargeCollection(to: path, features: Self.featureCount)
        #expect(bytesWritten > 60_000_000)

        let peakWasReset = Self.resetPeakRSS()
        let before = Self.statusKilobytes("VmHWM")
        let report = try GeoJSONStructureChecker().check(path: path)
        let after = Self.statusKilobytes("VmHWM")

        #expect(report.featureCount == Self.featureCount)
        #expect(report.issues.isEmpty, "\(report.issues.prefix(5))")
        let before_ = try #require(before, "VmHWM is read from /proc/self/status (Linux)")
        let after_ = try #require(after)
        let growth = after_ - before_
        Attachment.record(
            "\(bytesWritten) bytes, \(report.featureCount) features; VmHWM \(before_) kB before, \(after_) kB after, "
                + "growth \(growth) kB (peak reset: \(peakWasReset))",
            named: "large-file-rss.txt")
        // This process's peak is shared with every other suite running at the same time, so it is only
        // recorded here; CityBundleCLITests measures the checker's own peak in a process of its own.
    }

    /// Writes `features` small polygon features: a block of 1 000 distinct ones (ids and places differ)
    /// repeated, through a buffer of about 250 kB. Returns the file size.
    static func writeLargeCollection(to path: String, features: Int) throws -> Int {
        guard let file = fopen(path, "wb") else { throw CocoaError(.fileWriteUnknown) }
        defer { fclose(file) }
        let blockSize = 1000
        var block = ""
        for index in 0..<blockSize {
            let x = 114_000_000 + index * 100
            let y = 30_000_000 + index * 37
            let ring = [(x, y), (x + 50, y), (x + 50, y + 50), (x, y + 50), (x, y)]
                .map { "[\(degrees($0.0)),\(degrees($0.1))]" }.joined(separator: ",")
            block +=
                "{\"type\":\"Feature\",\"id\":\(index),\"properties\":{\"name\":\"building \(index)\","
                + "\"levels\":\(index % 30 + 1)},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[\(ring)]]}},\n"
        }
        let blockBytes = Array(block.utf8)
        var written = 0
        func write(_ bytes: [UInt8]) {
            written += bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        }
        write(Array("{\"type\":\"FeatureCollection\",\"features\":[\n".utf8))
        for _ in 0..<(features / blockSize - 1) { write(blockBytes) }
        write(Array(blockBytes.dropLast(2)))  // the last feature has no comma
        write(Array("\n]}\n".utf8))
        return written
    }

    /// Micro-degrees as a decimal number with 6 decimals.
    private static func degrees(_ micro: Int) -> String {
        let fraction = String(micro % 1_000_000)
        return "\(micro / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }

    /// A `/proc/self/status` field in kB (`VmHWM`: peak resident set size), Linux only.
    static func statusKilobytes(_ field: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
            return Int(line.dropFirst(field.count + 1).filter(\.isNumber))
        }
        return nil
    }

    /// Resets VmHWM to the current RSS (writes 5 to `/proc/self/clear_refs`); false when not allowed.
    static func resetPeakRSS() -> Bool {
        guard let file = fopen("/proc/self/clear_refs", "w") else { return false }
        defer { fclose(file) }
        return fputs("5", file) >= 0
    }
}

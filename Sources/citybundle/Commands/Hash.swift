import ArgumentParser
import CityBundleModel
import CityBundlePublish
import Foundation

extension CityBundleCommand {
    /// `citybundle hash`: SHA-256 of files, in `sha256sum`'s format, on every core.
    struct Hash: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "SHA-256 of files (sha256sum's format), or check a list of them with --check.",
            discussion: """
                The digests are those of a bundle's manifest.json; files are read in 1 MiB chunks, several at once.
                Exit codes: 0 ok, 5 a checked file differs or is missing, 2 usage, 3 I/O.
                Examples:
                  citybundle hash public/wuhan/2026.11.25/*.geojson
                  citybundle hash --check SHA256SUMS
                """)

        @Argument(help: "Files to hash.")
        var files: [String] = []

        @Option(name: [.short, .long], help: "A list in sha256sum's format (`<hex>  <path>`) to check.")
        var check: String?

        @Option(help: "Files hashed at once (default: the number of cores).")
        var jobs = ProcessInfo.processInfo.activeProcessorCount

        func validate() throws {
            guard (check == nil) != files.isEmpty else {
                throw ValidationError("give either files to hash or --check LIST, not both")
            }
            guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        }

        func run() throws {
            if let check {
                try verify(list: check)
            } else {
                for (path, result) in zip(files, Self.digests(of: files, jobs: jobs)) {
                    print("\(try result.get())  \(path)")
                }
            }
        }

        private func verify(list: String) throws {
            let text: String
            do { text = try String(contentsOfFile: list, encoding: .utf8) } catch {
                throw ValidationError("cannot read the list \(list): \(error.localizedDescription)")
            }
            var expected: [(path: String, sha256: String)] = []
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
                let parts = line.split(separator: " ", maxSplits: 1)
                guard parts.count == 2, parts[0].count == 64, parts[1].hasPrefix(" ") || parts[1].hasPrefix("*")
                else {
                    throw ValidationError("\(list):\(number + 1): not a `<sha256>  <path>` line")
                }
                expected.append((String(parts[1].dropFirst()), parts[0].lowercased()))
            }
            // As with `sha256sum --check`, relative paths are relative to the working directory.
            let paths = expected.map(\.path)
            var failed = 0
            for (entry, result) in zip(expected, Self.digests(of: paths, jobs: jobs)) {
                switch result {
                case .success(let digest) where digest == entry.sha256: print("\(entry.path): OK")
                case .success:
                    print("\(entry.path): FAILED (the SHA-256 differs)")
                    failed += 1
                case .failure(let error):
                    print("\(entry.path): FAILED (\(error))")
                    failed += 1
                }
            }
            if failed > 0 {
                Terminal.printError("\(failed) of \(expected.count) files failed the check")
                throw ExitCode(ExitStatus.verificationFailed.rawValue)
            }
        }

        /// The SHA-256 of each file, in order, `jobs` files at a time.
        static func digests(of paths: [String], jobs: Int) -> [Result<String, PublishError>] {
            // Each result carries its own error, so the map itself never throws.
            (try? parallelMap(paths.count, width: jobs) { index in
                Result { () throws(PublishError) in try FileDigest.of(file: paths[index]).sha256 }
            }) ?? []
        }
    }
}

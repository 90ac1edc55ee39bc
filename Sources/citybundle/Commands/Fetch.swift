import ArgumentParser
import CityBundleFetch
import Foundation

extension CityBundleCommand {
    /// `citybundle fetch`: download a published version and verify it before putting it in place.
    struct Fetch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Download a published version over HTTP(S) or file://, verified before it is put in place.",
            discussion: """
                Checks keys.json, versions.json, latest.json and the manifest against the publisher's key \
                (--key, or the key pinned in the state file at first use; a key change is followed only when \
                signed by a pinned key), refuses withdrawn versions and rollbacks, downloads the files 4 at a \
                time, continues interrupted downloads with Range requests, checks every size and SHA-256, and \
                only then renames the version to DIR/<bundle>/<version>/ and writes DIR/<bundle>/latest. Files \
                unchanged since a version already in DIR are linked, not downloaded again.
                Exit codes: 0 ok, 5 verification failed (the message names the file), 3 I/O, 2 usage.
                Examples:
                  citybundle fetch https://data.example.org wuhan --to ./data --key wuhan.key.pub.json
                  citybundle fetch http://127.0.0.1:8080 wuhan@2026.11.25 --to ./data
                  citybundle fetch file:///srv/public wuhan@latest --to ./data
                """)

        @Argument(help: "The publish root: http://…, https://… or file://… (the folder holding keys.json).")
        var source: String

        @Argument(help: "BUNDLE, BUNDLE@VERSION or BUNDLE@latest.")
        var target: String

        @Option(help: "The local folder; the version goes to DIR/<bundle>/<version>/.")
        var to: String

        @Option(help: "A trusted public key file (.pub.json); repeatable. Without it, the pinned keys are used.")
        var key: [String] = []

        @Option(
            help: "The state file: pinned keys and the highest version seen (default DIR/.citybundle-fetch/state.json)."
        )
        var state: String?

        @Option(help: "How many files to download at once.")
        var parallel = 4

        @Flag(name: .shortAndLong, help: "Print nothing but errors.")
        var quiet = false

        func validate() throws {
            let (bundle, _) = FetchRequest.parseTarget(target)
            guard !bundle.isEmpty else { throw ValidationError("give the bundle as BUNDLE[@VERSION|@latest]") }
            guard (1...32).contains(parallel) else { throw ValidationError("--parallel must be between 1 and 32") }
        }

        func run() async throws {
            let (bundle, version) = FetchRequest.parseTarget(target)
            let request = FetchRequest(
                source: source, bundle: bundle, version: version, destination: to, keyFiles: key, statePath: state,
                parallelism: parallel)
            let display: FetchProgressDisplay? = !quiet && isatty(2) != 0 ? FetchProgressDisplay() : nil
            var fetcher = BundleFetcher()
            if let display { fetcher.progress = { display.show($0) } }
            let result = try await fetcher.fetch(request)
            display?.finish()
            guard !quiet else { return }
            for note in result.notes { Terminal.printError("note: \(note)") }
            if result.alreadyPresent {
                print("\(result.bundle) \(result.version) is already in \(result.directory) and verifies.")
            } else {
                print(
                    "Fetched \(result.bundle) \(result.version) into \(result.directory): "
                        + "\(result.downloaded.count) downloaded (\(result.resumed.count) resumed, \(result.bytesReceived) bytes), "
                        + "\(result.reused.count) reused; every file verified.")
            }
            if result.updatedLatest { print("\(to)/\(result.bundle)/latest → \(result.version)") }
        }
    }
}

/// One progress line on standard error: files, bytes and the current file.
final class FetchProgressDisplay: @unchecked Sendable {
    // `lastDraw` is only touched under `lock`.
    private let lock = NSLock()
    private var lastDraw = Date.distantPast

    func show(_ progress: FetchProgress) {
        lock.withLock {
            let now = Date()
            guard now.timeIntervalSince(lastDraw) >= 0.1 || progress.filesDone == progress.filesTotal else { return }
            lastDraw = now
            let line =
                "[\(progress.filesDone)/\(progress.filesTotal)] \(progress.bytesDone)/\(progress.bytesTotal) bytes \(progress.file)"
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
        }
    }

    func finish() {
        lock.withLock { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

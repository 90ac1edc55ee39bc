import ArgumentParser
import CityBundleModel
import CityBundlePublish
import Foundation

extension CityBundleCommand {
    /// `citybundle verify`: signatures, checksums and catalog consistency of a published tree.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Verify a published tree: signatures, every file's size and SHA-256, catalog consistency, rollbacks.",
            discussion: """
                Exit codes: 0 valid, 5 verification failed (each problem names the file), 2 usage, 3 I/O.
                The highest version seen per bundle is remembered in --state, so a rollback to an older
                signed version is refused on the next check.
                Examples:
                  citybundle verify ./public --key wuhan.key.pub.json
                  citybundle verify ./public --bundle wuhan --version 2026.11.25 --key wuhan.key.pub.json
                """)

        @Argument(help: "The publish root (holding catalog.json and keys.json).")
        var root: String

        @Option(help: "Only this bundle (default: every bundle under the root).")
        var bundle: [String] = []

        @Option(help: "Only this version (default: the latest).")
        var version: String?

        @Option(
            help:
                "A trusted public key file (from `keys generate`); repeatable. Key rotations signed by it are followed."
        )
        var key: [String] = []

        @Option(help: "Where to remember the highest version seen per bundle (rollback protection).")
        var state = "./state/verify-state.json"

        func run() throws {
            guard !key.isEmpty else {
                throw ValidationError(
                    "give the publisher's public key with --key FILE.pub.json: a signature proves nothing without a trusted key"
                )
            }
            let trusted = try TrustedKeys.load(root: root, pinned: try TrustedKeys(publicKeyFiles: key))
            var memory =
                FileManager.default.fileExists(atPath: state) ? try VerifierState.load(from: state) : VerifierState()
            let bundles = bundle.isEmpty ? Self.bundles(in: root) : bundle
            guard !bundles.isEmpty else { throw ValidationError("\(root) holds no published bundle") }
            var failed = false
            for name in bundles {
                let report = BundleVerifier.verify(
                    root: root, bundle: name, version: version, trustedKeys: trusted, state: &memory)
                print(report.description)
                failed = failed || !report.isValid
            }
            if !failed {
                try FileManager.default.createDirectory(
                    atPath: (state as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try memory.save(to: state)
            }
            if failed { throw ExitCode(ExitStatus.verificationFailed.rawValue) }
        }

        static func bundles(in root: String) -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).filter {
                !$0.hasPrefix(".") && FileManager.default.fileExists(atPath: "\(root)/\($0)/versions.json")
            }.sorted()
        }
    }
}

import ArgumentParser
import CityBundlePublish
import Logging

extension CityBundleCommand {
    /// `citybundle withdraw BUNDLE@VERSION`: take a version down (for example after a leak).
    struct Withdraw: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Withdraw a published version: its data is removed and a signed tombstone kept.",
            discussion: """
                If it was the latest version, `latest` moves back to the previous one. The version number is
                never reused.
                Example:
                  citybundle withdraw wuhan@2026.11.25 --root ./public --reason "personal data found" --signing-key signing.key
                  citybundle withdraw wuhan@2026.11.25 --reason "personal data found" --signing-key signing.key \\
                    --publish-to s3://opendata/citybundle/
                """)

        @Argument(help: "BUNDLE@VERSION.")
        var target: String

        @Option(help: "The publish root.")
        var root = "./public"

        @Option(help: "Why, recorded in the signed tombstone.")
        var reason: String

        @Option(help: "The private key that signs the tombstone.")
        var signingKey: String

        @Option(help: ArgumentHelp(S3Publishing.help, valueName: "s3-url"))
        var publishTo: String?

        @OptionGroup var logging: LoggingOptions

        func validate() throws {
            let parts = target.split(separator: "@")
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ValidationError("write the version as BUNDLE@VERSION, e.g. wuhan@2026.11.25")
            }
            try S3Publishing.validate(publishTo)
        }

        func run() async throws {
            let parts = target.split(separator: "@").map(String.init)
            let versions = try BundlePublisher().withdraw(
                root: root, bundle: parts[0], version: parts[1], reason: reason,
                signingKey: try SigningKey.read(from: signingKey))
            print("withdrew \(target); latest is now \(versions.latestPublished?.version ?? "none")")
            if let publishTo {
                try await S3Publishing.mirror(root: root, to: publishTo, logger: logging.makeLogger())
            }
        }
    }
}

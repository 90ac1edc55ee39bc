import CityBundleS3
import Foundation
import Logging

/// `--publish-to s3://bucket/prefix`: mirrors the local publish root to S3-compatible storage (endpoint, region
/// and credentials from the usual AWS environment variables), then checks what is there.
enum S3Publishing {
    /// The help text of the option, shared by the commands that have it.
    static let help =
        "Then mirror the publish root to s3://BUCKET/PREFIX: new versions first, pointers last, checked after upload (AWS_ENDPOINT_URL, AWS_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)."

    /// Checks `url` and the environment before any work is done.
    static func validate(_ url: String?) throws {
        guard let url else { return }
        _ = try S3Location(parsing: url)
        _ = try S3Configuration.fromEnvironment(ProcessInfo.processInfo.environment)
    }

    /// Mirrors `root` to `url` and verifies the result; prints one summary line.
    static func mirror(root: String, to url: String, logger: Logger) async throws {
        let location = try S3Location(parsing: url)
        let configuration = try S3Configuration.fromEnvironment(ProcessInfo.processInfo.environment)
        let client = S3Client(bucket: location.bucket, configuration: configuration)
        do {
            let mirror = S3TreeMirror(root: root, destination: location, store: client)
            let summary = try await mirror.run { event in
                switch event {
                case .uploaded(let path, let bytes):
                    logger.debug("uploaded", metadata: ["cb.file": "\(path)", "cb.bytes": "\(bytes)"])
                case .deleted(let key):
                    logger.debug("deleted", metadata: ["cb.key": "\(key)"])
                }
            }
            let checked = try await mirror.verify()
            logger.info(
                "mirrored",
                metadata: [
                    "cb.destination": "\(location)", "cb.uploaded": "\(summary.uploaded.count)",
                    "cb.deleted": "\(summary.deleted.count)", "cb.checked": "\(checked)",
                ])
            print("Mirrored to \(location): \(summary) (\(checked) objects checked)")
        } catch {
            await client.shutdown()
            throw error
        }
        await client.shutdown()
    }
}

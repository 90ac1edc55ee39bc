import ArgumentParser
import CityBundleModel
import CityBundlePublish
import CityBundleWorkflow

extension CityBundleCommand {
    /// `citybundle keys`: signing keys for published bundles.
    struct Keys: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create and rotate the Ed25519 keys that sign published bundles.",
            subcommands: [Generate.self, Rotate.self])

        struct Generate: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Generate a signing key: the private key (mode 0600) and its public half (FILE.pub.json).",
                discussion: """
                    Keep the private key outside the publish root; publish or hand out only the .pub.json file.
                    Example:
                      citybundle keys generate --id wuhan-2026 --output /etc/citybundle/signing.key
                    """)

            @Option(help: "The key id recorded in signatures and keys.json.")
            var id: String

            @Option(name: .shortAndLong, help: "Where to write the private key (must not exist).")
            var output: String

            func run() throws {
                let key = try SigningKey.generate(id: id).write(to: output)
                try key.exportPublicKey(to: output + ".pub.json")
                print("private key: \(output) (0600)\npublic key: \(output).pub.json\nkey id: \(key.id)")
            }
        }

        struct Rotate: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Replace the publish root's signing key: the new keys.json is signed by the old key.",
                discussion: """
                    Example:
                      citybundle keys rotate ./public --old old.key --new new.key
                    """)

            @Argument(help: "The publish root (holding keys.json).")
            var root: String

            @Option(help: "The current private key.")
            var old: String

            @Option(help: "The new private key (from `citybundle keys generate`).")
            var new: String

            func run() throws {
                let document = try KeyRing(root: root).rotate(
                    old: try SigningKey.read(from: old), new: try SigningKey.read(from: new))
                print("keys.json now lists: \(document.keys.map(\.keyId).joined(separator: ", "))")
            }
        }
    }
}

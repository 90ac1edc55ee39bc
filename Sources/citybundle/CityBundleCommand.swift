import ArgumentParser

/// The `citybundle` root command.
struct CityBundleCommand: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "citybundle",
        abstract:
            "Publish city open data: ingest, validate, anonymise, convert (GeoJSON, 3D Tiles), publish signed bundles, serve and fetch them.",
        discussion: """
            Exit codes (every command): 0 ok, 1 data errors, 2 usage or configuration, 3 I/O, \
            4 lock held, 5 verification failed.
            """,
        version: version,
        subcommands: [
            Run.self, Convert.self, Validate.self, Inspect.self, Verify.self, Withdraw.self, Keys.self,
            GenerateCity.self, Serve.self, Fetch.self, Hash.self,
        ]
    )
}

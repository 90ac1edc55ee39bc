import ArgumentParser
import CityBundleModel

#if canImport(Glibc)
    import Glibc
#endif

// Parse, run, and turn every failure into the shared exit-code table.
do {
    var command = try CityBundleCommand.parseAsRoot()
    if var asyncCommand = command as? any AsyncParsableCommand {
        try await runAsync(&asyncCommand)
    } else {
        try command.run()
    }
} catch let error as any CityBundleError {
    Terminal.printError("error: \(error.description)")
    exit(error.exitStatus.rawValue)
} catch let exit as ExitCode {
    Glibc.exit(exit.rawValue)
} catch {
    // Help and --version are "errors" with exit code 0; everything else the parser rejects is usage.
    let code = CityBundleCommand.exitCode(for: error)
    let message = CityBundleCommand.fullMessage(for: error)
    if code == .success {
        if !message.isEmpty { print(message) }
        Glibc.exit(0)
    }
    Terminal.printError(message)
    Glibc.exit(ExitStatus.usage.rawValue)
}

/// Runs a subcommand's `async` `run()` (the synchronous `run()` it also has would only print its help).
func runAsync<Command: AsyncParsableCommand>(_ command: inout Command) async throws {
    try await command.run()
}

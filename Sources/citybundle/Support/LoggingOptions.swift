import ArgumentParser
import Logging

/// How log lines are written to standard error.
enum LogFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Options every command that logs shares.
struct LoggingOptions: ParsableArguments {
    @Option(
        help:
            "Log format on standard error: text (with a progress bar on a terminal) or json (one JSON object per line)."
    )
    var logFormat: LogFormat = .text

    @Flag(name: .shortAndLong, help: "Only print warnings and errors.")
    var quiet = false

    /// Installs the log handler once and returns a logger labelled `citybundle`.
    func makeLogger() -> Logger {
        let format = logFormat
        let level: Logger.Level = quiet ? .warning : .info
        LoggingBootstrap.once(format: format, level: level)
        return Logger(label: "citybundle")
    }
}

/// swift-log allows one bootstrap per process.
enum LoggingBootstrap {
    nonisolated(unsafe) private static var done = false

    static func once(format: LogFormat, level: Logger.Level) {
        // Commands run on the main thread before any other thread starts.
        guard !done else { return }
        done = true
        LoggingSystem.bootstrap { label in
            var handler = StderrLogHandler(label: label, format: format)
            handler.logLevel = level
            return handler
        }
    }
}

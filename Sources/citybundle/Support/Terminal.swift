import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writing to the terminal's streams.
enum Terminal {
    /// Writes `text` and a newline to standard error.
    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// True when standard output is a terminal (for colour and layout choices).
    static var stdoutIsTerminal: Bool { isatty(1) != 0 }
}

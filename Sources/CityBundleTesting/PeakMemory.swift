import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program and reports its own peak resident memory (from `wait4`'s rusage, which covers
/// that child only — unlike the test process's peak, which other suites share).
public enum PeakMemory {
    /// The exit status and the child's peak RSS in kilobytes.
    public static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, peakKilobytes: Int) {
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return (exitStatus, Int(usage.ru_maxrss))
    }
}

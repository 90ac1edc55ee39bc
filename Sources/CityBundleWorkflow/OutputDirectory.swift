public import CityBundleModel
import Foundation

/// A run's outputs are written into a staging directory beside the final one and swapped in only
/// when every source succeeded, so a failed run publishes nothing and leaves the previous output.
struct StagedOutput {
    let final: String
    let staging: String

    init(parent: String, name: String) throws {
        final = "\(parent)/\(name)"
        staging = "\(parent)/.\(name).staging-\(UInt64.random(in: 0...UInt64.max))"
        try OutputDirectory.create(parent)
        try OutputDirectory.create(staging)
    }

    /// Replaces the final directory with the staging one.
    func commit() throws {
        let manager = FileManager.default
        let old = "\(final).old-\(UInt64.random(in: 0...UInt64.max))"
        let hadPrevious = manager.fileExists(atPath: final)
        do {
            if hadPrevious { try manager.moveItem(atPath: final, toPath: old) }
            try manager.moveItem(atPath: staging, toPath: final)
        } catch {
            if hadPrevious && !manager.fileExists(atPath: final) { try? manager.moveItem(atPath: old, toPath: final) }
            throw WorkflowError(
                message: "\(final): cannot move the new output into place: \(error.localizedDescription)",
                exitStatus: .io)
        }
        if hadPrevious { try? manager.removeItem(atPath: old) }
    }

    /// Removes the staging directory.
    func discard() {
        try? FileManager.default.removeItem(atPath: staging)
    }
}

/// Creates directories, with errors that name the directory.
enum OutputDirectory {
    static func create(_ path: String, permissions: Int? = nil) throws {
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true,
                attributes: permissions.map { [.posixPermissions: $0] })
            if let permissions { chmod(path, mode_t(permissions)) }
        } catch {
            throw WorkflowError(
                message: "\(path): cannot create the directory: \(error.localizedDescription)", exitStatus: .io)
        }
    }
}

/// A failure of the run itself (not of one source).
public struct WorkflowError: CityBundleError {
    public var message: String
    public var hint: String?
    public var exitStatus: ExitStatus

    public init(message: String, hint: String? = nil, exitStatus: ExitStatus) {
        self.message = message
        self.hint = hint
        self.exitStatus = exitStatus
    }

    public var description: String { message + (hint.map { " (\($0))" } ?? "") }
}

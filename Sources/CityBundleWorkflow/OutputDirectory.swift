public import CityBundleModel
import Foundation

/// Creates output directories, with errors that name the directory.
enum OutputDirectory {
    static func create(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw WorkflowError(
                message: "\(path): cannot create the output directory: \(error.localizedDescription)", exitStatus: .io)
        }
    }
}

/// A failure of the run itself (not of one source).
public struct WorkflowError: CityBundleError {
    public var message: String
    public var exitStatus: ExitStatus
    public var description: String { message }
}

public import CityBundleModel

/// A problem in a pipeline file, located by file, line, column and key path.
///
/// Its `description` reads like a compiler diagnostic:
/// `Pipelines/wuhan.yaml:12:11: sources[1].kind: 'buildings' is not one of building, scenic_site,
/// geospatial (did you mean 'building'?)`.
public struct PipelineConfigError: CityBundleError, Equatable {
    /// The pipeline file's path as given.
    public var file: String
    /// The 1-based line, when the problem has a place in the file.
    public var line: Int?
    /// The 1-based column (counted in Unicode scalars), when known.
    public var column: Int?
    /// The path of the offending key from the top of the file, e.g. `sources[1].kind`; empty for the whole file.
    public var keyPath: String
    /// What is wrong.
    public var message: String
    /// How to fix it, when there is something useful to say (e.g. `did you mean 'building'?`).
    public var hint: String?
    /// `.usage` for a bad pipeline file, `.io` when it cannot be read.
    public var exitStatus: ExitStatus

    /// Creates an error.
    public init(
        file: String, line: Int? = nil, column: Int? = nil, keyPath: String = "", message: String,
        hint: String? = nil, exitStatus: ExitStatus = .usage
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
        self.hint = hint
        self.exitStatus = exitStatus
    }

    /// `file:line:column: keyPath: message (hint)`, leaving out the parts that are unknown.
    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        text += ": "
        if !keyPath.isEmpty { text += keyPath + ": " }
        text += message
        if let hint { text += " (\(hint))" }
        return text
    }
}

public import CityBundleModel

/// A source that cannot be read as configured: the message names the file and says what to do.
public struct IngestError: CityBundleError {
    public var path: String
    public var layer: String?
    public var message: String
    public var hint: String?
    public var exitStatus: ExitStatus

    public init(path: String, layer: String? = nil, message: String, hint: String? = nil, exitStatus: ExitStatus) {
        self.path = path
        self.layer = layer
        self.message = message
        self.hint = hint
        self.exitStatus = exitStatus
    }

    public var description: String {
        var text = path
        if let layer { text += "[\(layer)]" }
        text += ": \(message)"
        if let hint { text += " (\(hint))" }
        return text
    }
}

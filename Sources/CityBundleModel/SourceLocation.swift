/// Where a feature came from: file, layer and feature index (or line), for messages and quarantine.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var layer: String?
    /// The feature's index in its layer (GDAL FID or 0-based record number).
    public var feature: Int64?
    /// A 1-based line, for text formats that know it.
    public var line: Int?

    public init(file: String, layer: String? = nil, feature: Int64? = nil, line: Int? = nil) {
        self.file = file
        self.layer = layer
        self.feature = feature
        self.line = line
    }

    /// `file:line` or `file[layer]#feature`.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let layer { text += "[\(layer)]" }
        if let feature { text += "#\(feature)" }
        return text
    }
}

internal import CGDAL
public import CityBundleModel

/// A failure inside GDAL, OGR, OSR or PROJ, with the file and the operation that failed.
public struct GDALError: CityBundleError {
    /// The file (or data source name) concerned.
    public var path: String
    /// The layer, when one is concerned.
    public var layer: String?
    /// The feature index, when one is concerned.
    public var feature: Int64?
    /// What was being done, in words ("open", "read feature", "transform").
    public var operation: String
    /// What went wrong, including GDAL's own message when it gave one.
    public var message: String
    /// What the user can do about it.
    public var hint: String?
    public var exitStatus: ExitStatus

    public init(
        path: String, layer: String? = nil, feature: Int64? = nil, operation: String, message: String,
        hint: String? = nil, exitStatus: ExitStatus
    ) {
        self.path = path
        self.layer = layer
        self.feature = feature
        self.operation = operation
        self.message = message
        self.hint = hint
        self.exitStatus = exitStatus
    }

    public var description: String {
        var text = path
        if let layer { text += "[\(layer)]" }
        if let feature { text += "#\(feature)" }
        text += ": \(operation): \(message)"
        if let hint { text += " (\(hint))" }
        return text
    }

    /// An error carrying GDAL's last error message, if any.
    static func last(
        path: String, layer: String? = nil, feature: Int64? = nil, operation: String, fallback: String,
        hint: String? = nil, exitStatus: ExitStatus
    ) -> GDALError {
        let gdalMessage = CPLGetLastErrorMsg().map { String(cString: $0) } ?? ""
        CPLErrorReset()
        let message = gdalMessage.isEmpty ? fallback : "\(fallback): \(gdalMessage)"
        return GDALError(
            path: path, layer: layer, feature: feature, operation: operation, message: message, hint: hint,
            exitStatus: exitStatus)
    }
}

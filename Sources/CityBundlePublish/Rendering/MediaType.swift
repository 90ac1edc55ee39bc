/// Media types and Frictionless formats from file extensions.
public enum MediaType {
    private static let byExtension: [String: String] = [
        "geojson": "application/geo+json",
        "geojsonl": "application/geo+json-seq",
        "geojsons": "application/geo+json-seq",
        "json": "application/json",
        "glb": "model/gltf-binary",
        "gltf": "model/gltf+json",
        "b3dm": "application/octet-stream",
        "csv": "text/csv",
        "tsv": "text/tab-separated-values",
        "gpkg": "application/geopackage+sqlite3",
        "fgb": "application/flatgeobuf",
        "gz": "application/gzip",
        "html": "text/html",
        "txt": "text/plain",
        "md": "text/markdown",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "tif": "image/tiff",
        "tiff": "image/tiff",
        "pmtiles": "application/vnd.pmtiles",
        "kml": "application/vnd.google-earth.kml+xml",
        "zip": "application/zip",
    ]

    /// The media type for a path's extension; `application/octet-stream` when unknown.
    public static func forPath(_ path: String) -> String {
        byExtension[fileExtension(path)] ?? "application/octet-stream"
    }

    /// The lowercase extension without the dot (`geojson`), or `tar.gz` for compressed tars; empty when none.
    public static func fileExtension(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let lower = name.lowercased()
        if lower.hasSuffix(".tar.gz") { return "tar.gz" }
        guard let dot = lower.lastIndex(of: "."), dot != lower.startIndex else { return "" }
        return String(lower[lower.index(after: dot)...])
    }

    /// Whether Frictionless reads the file as a table (so it gets a table schema).
    public static func isTabular(_ path: String, mediaType: String) -> Bool {
        ["csv", "tsv"].contains(fileExtension(path)) || mediaType == "text/csv"
            || mediaType == "text/tab-separated-values"
    }
}

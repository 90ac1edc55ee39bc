import CityBundlePublish
import Foundation

/// The `Content-Type` of served files and whether they are worth compressing.
enum MediaTypes {
    private static let overrides: [String: String] = [
        "glb": "model/gltf-binary",
        "geojson": "application/geo+json",
        "json": "application/json",
        "fgb": "application/flatgeobuf",
        "html": "text/html; charset=utf-8",
        "gz": "application/gzip",
        "tar.gz": "application/gzip",
        "sig": "text/plain; charset=utf-8",
        "md": "text/markdown; charset=utf-8",
        "txt": "text/plain; charset=utf-8",
        "csv": "text/csv; charset=utf-8",
    ]

    /// The media type for a file name.
    static func forPath(_ path: String) -> String {
        overrides[MediaType.fileExtension(path)] ?? MediaType.forPath(path)
    }

    /// JSON and GeoJSON: compressed with gzip for clients that accept it.
    static func isCompressible(_ mediaType: String) -> Bool {
        let base = mediaType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        return base == "application/json" || base == "application/geo+json" || base.hasSuffix("+json")
    }
}

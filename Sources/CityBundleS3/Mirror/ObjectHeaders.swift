import CityBundlePublish

/// The `Content-Type` and `Cache-Control` each mirrored file is stored with.
public enum ObjectHeaders {
    /// For files inside a published version folder, which never change.
    public static let immutableCacheControl = "public, max-age=31536000, immutable"
    /// For pointers, bundle and root files, which change with every publish.
    public static let revalidateCacheControl = "no-cache"

    /// Text types with their charset, and types ``MediaType`` does not know.
    private static let overrides: [String: String] = [
        "html": "text/html; charset=utf-8",
        "md": "text/markdown; charset=utf-8",
        "txt": "text/plain; charset=utf-8",
        "csv": "text/csv; charset=utf-8",
        "sig": "text/plain",
        "tar.gz": "application/gzip",
    ]

    /// The media type for `path`'s extension: ``MediaType/forPath(_:)`` with the charset added to text types,
    /// `text/plain` for `.sig` and `application/gzip` for `.tar.gz`.
    public static func contentType(for path: String) -> String {
        overrides[MediaType.fileExtension(path)] ?? MediaType.forPath(path)
    }
}

/// One file of a layer, as written in the staging directory.
public struct LayerFile: Sendable, Hashable {
    /// The path relative to the staging directory (`districts.geojson`, `tiles/buildings.glb`); it becomes the
    /// path inside the published version.
    public var path: String
    /// The media type; nil takes it from the file extension (see `MediaType.forPath`).
    public var mediaType: String?

    /// A file at `path` (relative to the staging directory), with its media type or nil to infer it.
    public init(_ path: String, mediaType: String? = nil) {
        self.path = path
        self.mediaType = mediaType
    }

    /// The declared media type, or the one the extension implies.
    public var resolvedMediaType: String { mediaType ?? MediaType.forPath(path) }
}

/// How a GeoJSON source is laid out.
public enum GeoJSONInputFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// One JSON text (RFC 7946), usually a FeatureCollection.
    case document
    /// A GeoJSON Sequence (RFC 8142) or newline-delimited GeoJSON: one text per line, each optionally
    /// preceded by the record separator 0x1E.
    case sequence

    /// The extensions read as sequences: `.geojsonl`, `.geojsons`, `.geojsonseq`, `.ndjson`, `.jsonl`.
    public static let sequenceExtensions: Set<String> = ["geojsonl", "geojsons", "geojsonseq", "ndjson", "jsonl"]

    /// The format a file name's extension (case-insensitive) implies; `.document` for anything else.
    public init(path: String) {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = name.lastIndex(of: ".") else {
            self = .document
            return
        }
        let fileExtension = name[name.index(after: dot)...].lowercased()
        self = Self.sequenceExtensions.contains(fileExtension) ? .sequence : .document
    }
}

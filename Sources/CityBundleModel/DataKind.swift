/// What a source holds; it decides validation rules and 3D conversion.
public enum DataKind: String, Sendable, CaseIterable, Codable {
    /// Building footprints or solids (landmark-building data).
    case building
    /// Key scenic spots and venues, as points or areas.
    case scenicSite = "scenic_site"
    /// Any other urban geospatial information.
    case geospatial
}

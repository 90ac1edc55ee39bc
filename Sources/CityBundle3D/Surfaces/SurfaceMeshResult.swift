/// A building's typed surfaces as meshes, with the surfaces that could not be meshed completely.
public struct SurfaceMeshResult: Sendable, Hashable {
    /// Triangles by material (`SurfaceKind.material`), every vertex carrying the feature ID and its surface kind.
    public var meshes: MaterialMeshes
    /// Surfaces left out or meshed only in part, for the caller to report.
    public var issues: [SurfaceIssue]

    /// Makes a result from its parts.
    public init(meshes: MaterialMeshes, issues: [SurfaceIssue]) {
        self.meshes = meshes
        self.issues = issues
    }
}

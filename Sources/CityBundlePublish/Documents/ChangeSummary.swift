/// What changed against the previous published version.
public struct ChangeSummary: Sendable, Hashable, Codable {
    /// The version compared against; nil for the first version.
    public var previousVersion: String?
    /// Data files that are new.
    public var addedFiles: [String]
    /// Data files that are gone.
    public var removedFiles: [String]
    /// Data files whose bytes changed.
    public var modifiedFiles: [String]
    /// Per layer: the change in the number of features (new layers count from zero).
    public var featureDeltas: [String: Int]

    /// A summary; every argument is a member of the same name.
    public init(
        previousVersion: String?, addedFiles: [String], removedFiles: [String], modifiedFiles: [String],
        featureDeltas: [String: Int]
    ) {
        self.previousVersion = previousVersion
        self.addedFiles = addedFiles
        self.removedFiles = removedFiles
        self.modifiedFiles = modifiedFiles
        self.featureDeltas = featureDeltas
    }

    /// One line a person reads in `versions.json` and `index.html`.
    public var text: String {
        guard let previousVersion else { return "first version" }
        var parts: [String] = []
        if !addedFiles.isEmpty { parts.append("added \(addedFiles.joined(separator: ", "))") }
        if !removedFiles.isEmpty { parts.append("removed \(removedFiles.joined(separator: ", "))") }
        if !modifiedFiles.isEmpty { parts.append("changed \(modifiedFiles.joined(separator: ", "))") }
        let deltas = featureDeltas.filter { $0.value != 0 }.sorted { $0.key < $1.key }
            .map { "\($0.key) \($0.value > 0 ? "+" : "")\($0.value) features" }
        if !deltas.isEmpty { parts.append(deltas.joined(separator: ", ")) }
        return parts.isEmpty
            ? "no data changes since \(previousVersion)"
            : "since \(previousVersion): "
                + parts.joined(separator: "; ")
    }
}
